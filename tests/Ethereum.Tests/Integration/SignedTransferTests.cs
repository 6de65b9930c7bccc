using System.Text;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// Ether transfers signed by us, sent raw to a real Anvil and mined: Anvil must recover our address
/// as the sender, name the hash we computed, store our exact bytes, and move exactly the value and
/// the fee we expect. Each transaction type has its own sender and a fresh recipient, and balances
/// are compared between the block before and the block of the transaction, so the tests are
/// independent of each other and of their order.
/// </summary>
public sealed class SignedTransferTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly UInt256 Value = UInt256.Parse("1234567890123456789");

    private EthClient Eth => anvil.Eth;

    [Fact]
    public async Task Legacy_EIP155_transfer_is_mined_from_our_address()
    {
        using var key = PrivateKey.Parse(AnvilDevAccounts.PrivateKeys[1]);
        var recipient = FreshAddress("legacy");
        var gasPrice = await Eth.GasPriceAsync();
        var transaction = new LegacyTransaction
        {
            ChainId = await Eth.ChainIdAsync(),
            Nonce = await Eth.GetTransactionCountAsync(key.Address, BlockParameter.Pending),
            GasPrice = gasPrice,
            GasLimit = 21_000,
            To = recipient,
            Value = Value,
        };

        var (signed, receipt) = await SendAndCheckAsync(transaction, key);

        Assert.Equal(21_000UL, receipt.GasUsed);
        Assert.Equal(gasPrice, receipt.EffectiveGasPrice);
        Assert.Equal((ulong)(anvil.ChainId * 2 + 35) + (ulong)signed.YParity, (ulong)signed.V);
    }

    [Fact]
    public async Task EIP2930_transfer_is_mined_from_our_address_and_pays_for_its_access_list()
    {
        using var key = PrivateKey.Parse(AnvilDevAccounts.PrivateKeys[2]);
        var recipient = FreshAddress("access-list");
        var gasPrice = await Eth.GasPriceAsync();
        var transaction = new Eip2930Transaction
        {
            ChainId = await Eth.ChainIdAsync(),
            Nonce = await Eth.GetTransactionCountAsync(key.Address, BlockParameter.Pending),
            GasPrice = gasPrice,
            GasLimit = 30_000,
            To = recipient,
            Value = Value,
            AccessList =
            [
                new AccessListEntry(recipient, [Keccak256.Hash("slot 0"u8), Keccak256.Hash("slot 1"u8)]),
                new AccessListEntry(AnvilDevAccounts.Addresses[9], []),
            ],
        };

        var (_, receipt) = await SendAndCheckAsync(transaction, key);

        // EIP-2930 intrinsic gas: 21000 + 2400 per address + 1900 per storage key. Anvil charges
        // exactly this only if it decoded the access list we encoded.
        Assert.Equal(21_000UL + 2 * 2_400 + 2 * 1_900, receipt.GasUsed);
        Assert.Equal(gasPrice, receipt.EffectiveGasPrice);
    }

    [Fact]
    public async Task EIP1559_transfer_with_an_access_list_is_mined_from_our_address_and_pays_base_fee_plus_tip()
    {
        using var key = PrivateKey.Parse(AnvilDevAccounts.PrivateKeys[3]);
        var recipient = FreshAddress("dynamic-fee");
        var latest = await Eth.GetBlockByNumberAsync(BlockParameter.Latest);
        var baseFee = latest!.BaseFeePerGas!.Value;
        var tip = await Eth.MaxPriorityFeePerGasAsync();
        var transaction = new Eip1559Transaction
        {
            ChainId = await Eth.ChainIdAsync(),
            Nonce = await Eth.GetTransactionCountAsync(key.Address, BlockParameter.Pending),
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = baseFee * 2 + tip,
            GasLimit = 30_000,
            To = recipient,
            Value = Value,
            AccessList = [new AccessListEntry(recipient, [Hash256.Zero])],
        };

        var (_, receipt) = await SendAndCheckAsync(transaction, key);

        var block = await Eth.GetBlockByNumberAsync(receipt.BlockNumber);
        Assert.Equal(21_000UL + 2_400 + 1_900, receipt.GasUsed);
        Assert.Equal(block!.BaseFeePerGas!.Value + tip, receipt.EffectiveGasPrice);
    }

    /// <summary>Signs, sends raw, and checks everything a transfer must show on chain.</summary>
    private async Task<(SignedTransaction Signed, TransactionReceipt Receipt)> SendAndCheckAsync(Transaction transaction, PrivateKey key)
    {
        var recipient = transaction.To!.Value;
        var signed = TransactionSigner.Sign(transaction, key);

        var hash = await Eth.SendRawTransactionAsync(signed.Encode());
        var receipt = await Eth.WaitForReceiptAsync(hash, ChainAccount.PollInterval, ChainAccount.ReceiptTimeout);

        Assert.Equal(signed.Hash, hash);
        Assert.True(receipt.Succeeded);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(recipient, receipt.To);
        Assert.Equal((byte)transaction.Type, receipt.Type);

        var mined = await Eth.GetTransactionByHashAsync(hash);
        Assert.NotNull(mined);
        Assert.Equal(key.Address, mined.From);
        Assert.Equal(hash, mined.Hash);
        Assert.Equal((byte)transaction.Type, mined.Type);
        Assert.Equal(transaction.Nonce, mined.Nonce);
        Assert.Equal(transaction.Value, mined.Value);
        Assert.Equal(transaction.GasLimit, mined.Gas);
        Assert.Equal(anvil.ChainId, mined.ChainId);
        Assert.Equal(receipt.BlockNumber, mined.BlockNumber);

        // Anvil keeps the bytes it was sent; they must be ours, byte for byte, and decode to our transaction.
        var raw = await Eth.Rpc.CallAsync<byte[]>("eth_getRawTransactionByHash", [hash]);
        Assert.Equal(signed.Encode(), raw);
        Assert.Equal(transaction, SignedTransaction.Decode(raw).Transaction);

        var before = receipt.BlockNumber - 1;
        var fee = (UInt256)receipt.GasUsed * receipt.EffectiveGasPrice!.Value;
        Assert.Equal(
            await Eth.GetBalanceAsync(key.Address, before) - (transaction.Value + fee),
            await Eth.GetBalanceAsync(key.Address, receipt.BlockNumber));
        Assert.Equal(
            await Eth.GetBalanceAsync(recipient, before) + transaction.Value,
            await Eth.GetBalanceAsync(recipient, receipt.BlockNumber));
        Assert.Equal(transaction.Nonce + 1, await Eth.GetTransactionCountAsync(key.Address, receipt.BlockNumber));
        return (signed, receipt);
    }

    /// <summary>An address no key controls and no earlier test has touched (fixed, from a label).</summary>
    private static Address FreshAddress(string label) =>
        new(Keccak256.Hash(Encoding.UTF8.GetBytes("photon e2e recipient: " + label)).ToArray().AsSpan(12));
}
