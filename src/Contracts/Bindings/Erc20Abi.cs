using Photon.Ethereum.Abi;

namespace Photon.Contracts.Bindings;

/// <summary>The ERC20 functions a node uses: it reads balances and approves the token network before a deposit.</summary>
public static class Erc20Abi
{
    public static readonly AbiFunction NameFunction = AbiFunction.Parse("function name() view returns (string)");
    public static readonly AbiFunction SymbolFunction = AbiFunction.Parse("function symbol() view returns (string)");
    public static readonly AbiFunction DecimalsFunction = AbiFunction.Parse("function decimals() view returns (uint8)");
    public static readonly AbiFunction TotalSupplyFunction = AbiFunction.Parse("function totalSupply() view returns (uint256)");
    public static readonly AbiFunction BalanceOfFunction = AbiFunction.Parse("function balanceOf(address account) view returns (uint256)");
    public static readonly AbiFunction AllowanceFunction = AbiFunction.Parse("function allowance(address owner, address spender) view returns (uint256)");
    public static readonly AbiFunction ApproveFunction = AbiFunction.Parse("function approve(address spender, uint256 amount) returns (bool)");
    public static readonly AbiFunction TransferFunction = AbiFunction.Parse("function transfer(address to, uint256 amount) returns (bool)");
    public static readonly AbiFunction TransferFromFunction = AbiFunction.Parse("function transferFrom(address from, address to, uint256 amount) returns (bool)");
    public static readonly AbiEvent TransferEvent = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    public static readonly AbiEvent ApprovalEvent = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");

    public static readonly ContractAbi Abi = new(
        [NameFunction, SymbolFunction, DecimalsFunction, TotalSupplyFunction, BalanceOfFunction, AllowanceFunction, ApproveFunction, TransferFunction, TransferFromFunction],
        [TransferEvent, ApprovalEvent],
        []);
}
