using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// A chain whose id needs more than 32 bits: the EIP-155 <c>v = 2·chainId + 35 + parity</c> of a
/// legacy transaction and the chain id of a typed one are multi-byte RLP integers the node must
/// read back to our address.
/// </summary>
public sealed class LargeChainIdTests(LargeChainIdTests.LargeChainIdAnvil anvil) : IClassFixture<LargeChainIdTests.LargeChainIdAnvil>
{
    public const ulong ChainId = 1_099_511_627_791; // > 2^40

    [Fact]
    public async Task Legacy_transaction_with_a_large_EIP155_v_is_mined_from_our_address()
    {
        using var key = PrivateKey.Parse(AnvilDevAccounts.PrivateKeys[1]);
        var transaction = new LegacyTransaction
        {
            ChainId = ChainId,
            Nonce = await anvil.Eth.GetTransactionCountAsync(key.Address, BlockParameter.Pending),
            GasPrice = await anvil.Eth.GasPriceAsync(),
            GasLimit = 21_000,
            To = AnvilDevAccounts.Addresses[9],
            Value = UInt256.One,
        };

        var receipt = await SendAsync(transaction, key);

        Assert.Equal(key.Address, receipt.From);
        Assert.Equal(key.Address, (await anvil.Eth.GetTransactionByHashAsync(receipt.TransactionHash))!.From);
    }

    [Fact]
    public async Task Dynamic_fee_transaction_on_a_large_chain_id_is_mined_from_our_address()
    {
        using var account = ChainAccount.Dev(anvil.Eth, 2);
        var transaction = await account.DynamicFeeAsync(AnvilDevAccounts.Addresses[9], value: UInt256.One, gasLimit: 21_000);

        Assert.Equal(ChainId, transaction.ChainId);
        var receipt = await SendAsync(transaction, account.Key);

        Assert.Equal(account.Address, receipt.From);
        Assert.Equal(ChainId, (await anvil.Eth.GetTransactionByHashAsync(receipt.TransactionHash))!.ChainId);
    }

    private async Task<TransactionReceipt> SendAsync(Transaction transaction, PrivateKey key)
    {
        var signed = TransactionSigner.Sign(transaction, key);
        var hash = await anvil.Eth.SendRawTransactionAsync(signed.Encode());
        Assert.Equal(signed.Hash, hash);
        var receipt = await anvil.Eth.WaitForReceiptAsync(hash, ChainAccount.PollInterval, ChainAccount.ReceiptTimeout);
        Assert.True(receipt.Succeeded);
        return receipt;
    }

    public sealed class LargeChainIdAnvil() : AnvilFixture(new AnvilOptions { ChainId = LargeChainIdTests.ChainId });
}
