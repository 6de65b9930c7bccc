using System.Text.Json.Nodes;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Node.Tests.Cli;

/// <summary>
/// <c>photon util sign-tx</c> produces raw transactions a real node accepts: the JSON file is signed
/// in process, the printed hex goes out with eth_sendRawTransaction, and Anvil mines it from the
/// key's address. Each test signs with its own dev account.
/// </summary>
public sealed class SignTxOnAnvilTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly UInt256 Value = UInt256.Parse("5000000000000000");

    private EthClient Eth => anvil.Eth;

    [Fact]
    public async Task Signed_legacy_transaction_is_mined_from_the_key_address()
    {
        var sender = 1;
        var tx = await BaseJsonAsync(sender);
        tx["gasPrice"] = (await Eth.GasPriceAsync()).ToString();
        tx["gasLimit"] = 21_000;
        tx["to"] = Recipient.ToString();
        tx["value"] = Value.ToHexString();

        var (receipt, mined) = await SignAndSendAsync(sender, tx);

        Assert.Equal(0, mined.Type);
        Assert.Equal(Recipient, receipt.To);
        Assert.Equal(Value, mined.Value);
    }

    [Fact]
    public async Task Signed_access_list_transaction_is_mined_from_the_key_address()
    {
        var sender = 2;
        var tx = await BaseJsonAsync(sender);
        tx["gasPrice"] = (await Eth.GasPriceAsync()).ToHexString();
        tx["gas"] = "0x7530";
        tx["to"] = Recipient.ToString();
        tx["value"] = Value.ToString();
        tx["accessList"] = new JsonArray(new JsonObject
        {
            ["address"] = Recipient.ToString(),
            ["storageKeys"] = new JsonArray("0x0000000000000000000000000000000000000000000000000000000000000001"),
        });

        var (receipt, mined) = await SignAndSendAsync(sender, tx);

        Assert.Equal(1, mined.Type);
        // 21000 + 2400 for the address + 1900 for the key: Anvil read the access list we signed.
        Assert.Equal(25_300UL, receipt.GasUsed);
    }

    [Fact]
    public async Task Signed_dynamic_fee_transaction_is_mined_from_the_key_address()
    {
        var sender = 3;
        var baseFee = (await Eth.GetBlockByNumberAsync(BlockParameter.Latest))!.BaseFeePerGas!.Value;
        var tip = await Eth.MaxPriorityFeePerGasAsync();
        var tx = await BaseJsonAsync(sender);
        tx["maxPriorityFeePerGas"] = tip.ToString();
        tx["maxFeePerGas"] = (baseFee * 2 + tip).ToString();
        tx["gasLimit"] = "21000";
        tx["to"] = Recipient.ToString();
        tx["value"] = Value.ToString();

        var (receipt, mined) = await SignAndSendAsync(sender, tx);

        Assert.Equal(2, mined.Type);
        Assert.Equal(Value, mined.Value);
        Assert.Equal(21_000UL, receipt.GasUsed);
    }

    [Fact]
    public async Task Signed_contract_creation_deploys_the_code_it_carries()
    {
        var sender = 4;
        // Runtime: return the 32-byte word 42. Init code: copy those 10 bytes to memory and return them.
        const string runtime = "602a60005260206000f3";
        var tx = await BaseJsonAsync(sender);
        tx["maxPriorityFeePerGas"] = (await Eth.MaxPriorityFeePerGasAsync()).ToString();
        tx["maxFeePerGas"] = (await Eth.GasPriceAsync() * 2).ToString();
        tx["gasLimit"] = 100_000;
        tx["data"] = "0x69" + runtime + "600052" + "600a6016f3";

        var (receipt, _) = await SignAndSendAsync(sender, tx);

        var contract = receipt.ContractAddress!.Value;
        Assert.Equal(Hex.Decode(runtime), await Eth.GetCodeAsync(contract));
        var output = await Eth.CallAsync(new CallRequest { To = contract });
        Assert.Equal((UInt256)42, AbiCodec.Decode([AbiType.UInt256], output)[0]);
    }

    private static Address Recipient => AnvilDevAccounts.Addresses[9];

    /// <summary>chainId, nonce (pending) and from of a dev account.</summary>
    private async Task<JsonObject> BaseJsonAsync(int account) => new()
    {
        ["chainId"] = await Eth.ChainIdAsync(),
        ["nonce"] = await Eth.GetTransactionCountAsync(AnvilDevAccounts.Addresses[account], BlockParameter.Pending),
        ["from"] = AnvilDevAccounts.Addresses[account].ToString(),
    };

    private async Task<(TransactionReceipt Receipt, RpcTransaction Mined)> SignAndSendAsync(int account, JsonObject transaction)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, transaction.ToJsonString());
            var run = CliRun.Of("util", "sign-tx", "--private-key", AnvilDevAccounts.PrivateKeys[account], "--file", file).AssertSucceeded();

            var raw = Hex.Decode(run.Output);
            var hash = await Eth.SendRawTransactionAsync(raw);
            var receipt = await Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));
            var mined = await Eth.GetTransactionByHashAsync(hash);

            Assert.True(receipt.Succeeded);
            Assert.Equal(AnvilDevAccounts.Addresses[account], receipt.From);
            Assert.NotNull(mined);
            Assert.Equal(AnvilDevAccounts.Addresses[account], mined.From);
            Assert.Equal(SignedTransaction.Decode(raw).Hash, hash);
            Assert.Equal(transaction["nonce"]!.GetValue<ulong>(), mined.Nonce);
            return (receipt, mined);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
