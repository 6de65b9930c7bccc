using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// A key that signs its own transactions and sends them raw, the way the node will: nonce from the
/// chain (pending), EIP-1559 fees from the latest block, gas from eth_estimateGas unless given.
/// </summary>
internal sealed class ChainAccount(EthClient eth, PrivateKey key) : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);

    public PrivateKey Key { get; } = key;

    public Address Address => Key.Address;

    public static ChainAccount Dev(EthClient eth, int index) =>
        new(eth, PrivateKey.Parse(TestSupport.AnvilDevAccounts.PrivateKeys[index]));

    /// <summary>An EIP-1559 transaction from this account: maxFee = 2 × the latest base fee + the node's tip.</summary>
    public async Task<Eip1559Transaction> DynamicFeeAsync(Address? to, ReadOnlyMemory<byte> data = default, UInt256 value = default, ulong? gasLimit = null)
    {
        var chainId = await eth.ChainIdAsync();
        var nonce = await eth.GetTransactionCountAsync(Address, BlockParameter.Pending);
        var latest = await eth.GetBlockByNumberAsync(BlockParameter.Latest) ?? throw new InvalidOperationException("the node has no latest block");
        var baseFee = latest.BaseFeePerGas ?? throw new InvalidOperationException("the latest block has no base fee (pre-London chain)");
        var tip = await eth.MaxPriorityFeePerGasAsync();
        var gas = gasLimit ?? await eth.EstimateGasAsync(new CallRequest { From = Address, To = to, Data = data, Value = value });
        return new Eip1559Transaction
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = baseFee * 2 + tip,
            GasLimit = gas,
            To = to,
            Value = value,
            Data = data,
        };
    }

    /// <summary>Signs, sends raw, checks the node names the hash we computed, and waits for the receipt.</summary>
    public async Task<(SignedTransaction Signed, TransactionReceipt Receipt)> SendAsync(Transaction transaction)
    {
        var signed = TransactionSigner.Sign(transaction, Key);
        var hash = await eth.SendRawTransactionAsync(signed.Encode());
        Assert.Equal(signed.Hash, hash);
        return (signed, await eth.WaitForReceiptAsync(hash, PollInterval, ReceiptTimeout));
    }

    /// <summary>Calls <paramref name="contract"/> with <paramref name="data"/> in a signed EIP-1559 transaction.</summary>
    public async Task<TransactionReceipt> TransactAsync(Address contract, byte[] data, ulong? gasLimit = null) =>
        (await SendAsync(await DynamicFeeAsync(contract, data, gasLimit: gasLimit))).Receipt;

    public void Dispose() => Key.Dispose();
}
