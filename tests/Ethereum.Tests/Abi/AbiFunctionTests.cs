using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class AbiFunctionTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    [Fact]
    public void Knows_the_ERC20_transfer_selector()
    {
        var transfer = AbiFunction.Parse("function transfer(address to, uint256 amount) external returns (bool)");
        Assert.Equal("transfer(address,uint256)", transfer.Signature);
        Assert.Equal("0xa9059cbb", transfer.SelectorHex);
        Assert.Equal(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, transfer.Selector.ToArray());
        Assert.Equal(["to", "amount"], transfer.Inputs.Select(p => p.Name));
        Assert.Equal(AbiType.Bool, Assert.Single(transfer.Outputs).Type);
    }

    [Fact]
    public void Encodes_a_call_and_decodes_it_back_by_name()
    {
        var transfer = AbiFunction.Parse("transfer(address to, uint256 amount)");
        var data = transfer.EncodeCall(Alice, new UInt256(1_000_000));
        Assert.Equal(4 + 64, data.Length);
        var input = transfer.DecodeInput(data);
        Assert.Equal(Alice, input.Get<Address>("to"));
        Assert.Equal(new UInt256(1_000_000), input.Get<UInt256>(1));
        Assert.Throws<KeyNotFoundException>(() => input["from"]);
        Assert.Throws<InvalidCastException>(() => input.Get<string>("to"));
    }

    [Fact]
    public void Refuses_call_data_of_another_function()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");
        const string reason = "call data does not start with the selector 0xa9059cbb of transfer(address,uint256)";
        Assert.Equal(reason, Assert.Throws<AbiException>(() => transfer.DecodeInput(approve.EncodeCall(Alice, 1))).Message);
        Assert.Equal(reason, Assert.Throws<AbiException>(() => transfer.DecodeInput([0xa9, 0x05])).Message);
    }

    [Fact]
    public void Refuses_empty_return_data_when_outputs_are_expected()
    {
        var balanceOf = AbiFunction.Parse("function balanceOf(address) view returns (uint256)");
        Assert.Equal("data too short: uint256 needs 32 bytes of head at byte 0, only 0 remain", Assert.Throws<AbiException>(() => balanceOf.DecodeOutput([])).Message);
        Assert.Equal(new UInt256(5), balanceOf.DecodeOutput(balanceOf.EncodeOutput(5))[0]);
    }

    [Fact]
    public void Refuses_the_wrong_number_of_arguments()
    {
        var f = AbiFunction.Parse("f(uint256[] values)");
        // A lone object[] binds to params; an array argument must be wrapped.
        Assert.Equal("expected 1 values, got 2", Assert.Throws<AbiException>(() => f.EncodeCall(new object[] { 1, 2 })).Message);
        Assert.Equal(4 + 32 * 4, f.EncodeCall([new object[] { 1, 2 }]).Length);
    }

    [Theory]
    [InlineData("function f() view returns (uint256)", "f()", AbiStateMutability.View)]
    [InlineData("f() pure", "f()", AbiStateMutability.Pure)]
    [InlineData("function deposit() external payable", "deposit()", AbiStateMutability.Payable)]
    [InlineData("g(uint, int, (bytes memo) calldata memo_) public", "g(uint256,int256,(bytes))", AbiStateMutability.NonPayable)]
    public void Parses_human_readable_declarations(string text, string signature, AbiStateMutability mutability)
    {
        var function = AbiFunction.Parse(text);
        Assert.Equal(signature, function.Signature);
        Assert.Equal(mutability, function.StateMutability);
    }

    [Theory]
    [InlineData("transfer", "at character 8: expected '(' at the end")]
    [InlineData("transfer(address", "at character 16: expected ')' at the end")]
    [InlineData("transfer(address) returns", "at character 25: expected '(' at the end")]
    [InlineData("transfer(address) virtual", "at character 18: unexpected 'virtual'")]
    [InlineData("1transfer(address)", "at character 0: expected a function name")]
    [InlineData("transfer(address indexed to)", "at character 24: 'indexed' is only allowed on event parameters")]
    [InlineData("transfer(address) x", "at character 18: unexpected 'x'")]
    public void Refuses_malformed_declarations(string text, string reason) =>
        Assert.Equal($"cannot parse '{text}' {reason}", Assert.Throws<AbiException>(() => AbiFunction.Parse(text)).Message);

    [Fact]
    public void Formats_itself_as_a_declaration_that_parses_back()
    {
        var function = AbiFunction.Parse("function swap((address token, uint256 amount)[] legs, bytes data) payable returns (uint256 out)");
        Assert.Equal("function swap((address,uint256)[] legs, bytes data) payable returns (uint256 out)", function.ToString());
        Assert.Equal(function.Signature, AbiFunction.Parse(function.ToString()).Signature);
    }

    [Fact]
    public void Builds_deployment_data_from_bytecode_and_constructor_arguments()
    {
        var constructor = new AbiConstructor([new AbiParameter("owner", AbiType.Address), new AbiParameter("name", AbiType.String)]);
        var bytecode = new byte[] { 0x60, 0x80, 0x60, 0x40 };
        var data = constructor.EncodeDeployment(bytecode, Alice, "photon");
        Assert.Equal(bytecode, data[..4]);
        var arguments = constructor.DecodeArguments(data.AsSpan(4));
        Assert.Equal(Alice, arguments["owner"]);
        Assert.Equal("photon", arguments["name"]);
    }
}
