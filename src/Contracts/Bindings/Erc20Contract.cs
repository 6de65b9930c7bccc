using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// Binding of an ERC20 token for what a node needs around deposits: balances, allowances,
/// approving the token network, and transfers. Tokens that return nothing from
/// <c>approve</c>/<c>transfer</c> (USDT style) work: only the receipt's status counts.
/// </summary>
public sealed class Erc20Contract
{
    public const string ContractName = "ERC20";

    private readonly BoundContract _contract;

    public Erc20Contract(EthClient eth, Address address, TransactionSender? sender = null)
    {
        _contract = new BoundContract(ContractName, Erc20Abi.Abi, eth, address, sender);
    }

    public Address Address => _contract.Address;

    public TransactionSender? Sender => _contract.Sender;

    public Task<string> NameAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(Erc20Abi.NameFunction, Erc20Abi.NameFunction.EncodeCall(), o => Erc20Abi.NameFunction.DecodeOutput(o).GetString(0), block, ct);

    public Task<string> SymbolAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(Erc20Abi.SymbolFunction, Erc20Abi.SymbolFunction.EncodeCall(), o => Erc20Abi.SymbolFunction.DecodeOutput(o).GetString(0), block, ct);

    public Task<int> DecimalsAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(Erc20Abi.DecimalsFunction, Erc20Abi.DecimalsFunction.EncodeCall(), o => Erc20Abi.DecimalsFunction.DecodeOutput(o).GetInt32(0), block, ct);

    public Task<UInt256> TotalSupplyAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(Erc20Abi.TotalSupplyFunction, Erc20Abi.TotalSupplyFunction.EncodeCall(), o => Erc20Abi.TotalSupplyFunction.DecodeOutput(o).GetUInt256(0), block, ct);

    public Task<UInt256> BalanceOfAsync(Address account, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(Erc20Abi.BalanceOfFunction, EncodeBalanceOf(account), o => Erc20Abi.BalanceOfFunction.DecodeOutput(o).GetUInt256(0), block, ct);

    public Task<UInt256> AllowanceAsync(Address owner, Address spender, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            Erc20Abi.AllowanceFunction,
            Erc20Abi.AllowanceFunction.EncodeCall(owner, spender),
            o => Erc20Abi.AllowanceFunction.DecodeOutput(o).GetUInt256(0),
            block,
            ct);

    public static byte[] EncodeBalanceOf(Address account) => Erc20Abi.BalanceOfFunction.EncodeCall(account);

    public static byte[] EncodeApprove(Address spender, UInt256 amount) => Erc20Abi.ApproveFunction.EncodeCall(spender, amount);

    public static byte[] EncodeTransfer(Address to, UInt256 amount) => Erc20Abi.TransferFunction.EncodeCall(to, amount);

    public Task<TransactionReceipt> ApproveAsync(Address spender, UInt256 amount, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeApprove(spender, amount), ct);

    public Task<TransactionReceipt> TransferAsync(Address to, UInt256 amount, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeTransfer(to, amount), ct);
}
