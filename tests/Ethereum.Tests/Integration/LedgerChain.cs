using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// One Anvil per test class with the <see cref="LedgerContract"/> deployed by our own signed
/// contract-creation transaction from dev account 0 (the owner, who holds the whole supply).
/// What the deployment produced is kept for the tests to check.
/// </summary>
public sealed class LedgerChain : IAsyncLifetime
{
    public const string LedgerName = "Photon Test Ledger";

    public static readonly UInt256 Supply = UInt256.Parse("1000000000000000000000000");

    public AnvilFixture Anvil { get; } = new();

    public EthClient Eth => Anvil.Eth;

    public CompiledContract Compiled { get; private set; } = null!;

    public ContractAbi Abi => Compiled.Abi;

    /// <summary>The deployer (dev account 0), who holds the whole supply at first.</summary>
    public Address Owner { get; private set; }

    /// <summary>The signed creation transaction (to = null, data = bytecode ‖ constructor arguments).</summary>
    public SignedTransaction Deployment { get; private set; } = null!;

    public TransactionReceipt DeploymentReceipt { get; private set; } = null!;

    /// <summary>Where the receipt says the contract is.</summary>
    public Address Contract { get; private set; }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Anvil).InitializeAsync();
        Compiled = await LedgerContract.CompileAsync();
        var constructor = Abi.Constructor ?? throw new InvalidOperationException("the ledger ABI has no constructor");
        var data = constructor.EncodeDeployment(Compiled.Bytecode, LedgerName, Supply);
        using var owner = ChainAccount.Dev(Eth, 0);
        Owner = owner.Address;
        var (signed, receipt) = await owner.SendAsync(await owner.DynamicFeeAsync(to: null, data));
        Deployment = signed;
        DeploymentReceipt = receipt;
        Contract = receipt.ContractAddress ?? throw new InvalidOperationException($"the deployment created no contract: {receipt}");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Anvil).DisposeAsync();

    /// <summary>eth_call of <paramref name="function"/> on the ledger, decoded.</summary>
    public async Task<AbiValues> CallAsync(string function, params object?[] arguments)
    {
        var abiFunction = Abi.GetFunction(function);
        var output = await Eth.CallAsync(new CallRequest { To = Contract, Data = abiFunction.EncodeCall(arguments) });
        return abiFunction.DecodeOutput(output);
    }

    public async Task<UInt256> BalanceOfAsync(Address account) => (await CallAsync("balanceOf", account)).Get<UInt256>(0);
}
