using Photon.Ethereum.Transactions;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// A solc-compiled contract deployed by our signed creation transaction, read with eth_call and
/// our ABI decoder, changed by our signed transactions, and its logs found by our filters and
/// decoded by our event decoder to exactly the values we sent.
/// </summary>
public sealed class LedgerContractTests(LedgerChain chain) : IClassFixture<LedgerChain>
{
    private EthClient Eth => chain.Eth;

    private AbiEvent Transfer => chain.Abi.GetEvent("Transfer");

    [Fact]
    public async Task Contract_created_by_our_signed_transaction_sits_at_the_CREATE_address_we_compute()
    {
        var deployment = chain.Deployment;
        var receipt = chain.DeploymentReceipt;

        Assert.Null(deployment.Transaction.To);
        Assert.True(receipt.Succeeded);
        Assert.Null(receipt.To);
        Assert.Equal(chain.Owner, receipt.From);
        Assert.Equal(chain.Owner, deployment.RecoverSender());
        Assert.Equal(ContractAddress.Create(chain.Owner, deployment.Transaction.Nonce), receipt.ContractAddress);
        // The runtime code in place is the code solc produced (the contract has no immutables).
        Assert.Equal(chain.Compiled.DeployedBytecode, await Eth.GetCodeAsync(chain.Contract));
        // The deployment data is the creation code followed by our encoding of the constructor arguments.
        var data = deployment.Transaction.Data.Span;
        Assert.True(data.StartsWith(chain.Compiled.Bytecode.AsSpan()));
        var arguments = chain.Abi.Constructor!.DecodeArguments(data[chain.Compiled.Bytecode.Length..]);
        Assert.Equal(LedgerChain.LedgerName, arguments.Get<string>("name_"));
        Assert.Equal(LedgerChain.Supply, arguments.Get<UInt256>("supply"));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(127UL)] // the last nonce RLP writes as a single byte
    [InlineData(128UL)] // the first one it writes as a one-byte string
    [InlineData(256UL)]
    [InlineData(70_000UL)]
    public async Task Contract_created_at_a_later_nonce_also_sits_where_we_compute(ulong nonce)
    {
        // A fresh key per case, given ether and its nonce with Anvil's cheat methods.
        using var deployer = new ChainAccount(Eth, PrivateKey.FromBytes(Keccak256.Hash($"photon e2e deployer at nonce {nonce}").ToArray()));
        await Eth.Rpc.CallAsync("anvil_setBalance", [deployer.Address, UInt256.Parse("1000000000000000000").ToHexString()]);
        await Eth.Rpc.CallAsync("anvil_setNonce", [deployer.Address, ((UInt256)nonce).ToHexString()]);

        var (signed, receipt) = await deployer.SendAsync(await deployer.DynamicFeeAsync(to: null, chain.Compiled.DeploymentData("second", UInt256.One)));

        Assert.Equal(nonce, signed.Transaction.Nonce);
        Assert.True(receipt.Succeeded);
        Assert.Equal(ContractAddress.Create(deployer.Address, nonce), receipt.ContractAddress);
        Assert.Equal(chain.Compiled.DeployedBytecode, await Eth.GetCodeAsync(receipt.ContractAddress!.Value));
    }

    [Fact]
    public async Task View_returns_the_constructor_arguments_as_several_values()
    {
        var info = await chain.CallAsync("info", chain.Owner);

        Assert.Equal(4, info.Count);
        Assert.Equal(LedgerChain.LedgerName, info.Get<string>(0));
        Assert.Equal(LedgerChain.Supply, info.Get<UInt256>("supply"));
        Assert.Equal(await chain.BalanceOfAsync(chain.Owner), info.Get<UInt256>("balance"));
        Assert.Equal(LedgerChain.LedgerName, (await chain.CallAsync("name")).Get<string>(0));
    }

    [Fact]
    public async Task Signed_transfer_changes_the_view_and_emits_the_log_we_decode_to_the_values_sent()
    {
        using var owner = ChainAccount.Dev(Eth, 0);
        var recipient = AnvilDevAccounts.Addresses[4];
        var amount = UInt256.Parse("31415926535897932384626");
        const string tag = "invoice-2024/Ω";
        // Longer than one word and not ASCII: the string's length prefix and padding must be right.
        const string memo = "Zahlung für Rechnung Nr. 42 — danke! 支払い 🚀 and a few more words to pass 64 bytes";
        var ownerBefore = await chain.BalanceOfAsync(owner.Address);
        var recipientBefore = await chain.BalanceOfAsync(recipient);
        var transfersBefore = (await chain.CallAsync("info", recipient)).Get<UInt256>("transfers");

        var receipt = await owner.TransactAsync(chain.Contract, chain.Abi.GetFunction("transfer").EncodeCall(recipient, amount, tag, memo));

        Assert.True(receipt.Succeeded);
        Assert.Equal(ownerBefore - amount, await chain.BalanceOfAsync(owner.Address));
        Assert.Equal(recipientBefore + amount, await chain.BalanceOfAsync(recipient));
        Assert.Equal(transfersBefore + UInt256.One, (await chain.CallAsync("info", recipient)).Get<UInt256>("transfers"));

        var logs = await Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = receipt.BlockNumber,
            ToBlock = receipt.BlockNumber,
            Addresses = [chain.Contract],
            Topics = [[Transfer.Topic0]],
        });
        var log = Assert.Single(logs);
        Assert.Equal(receipt.TransactionHash, log.TransactionHash);
        Assert.Equal(chain.Contract, log.Address);
        var receiptLog = Assert.Single(receipt.Logs);
        Assert.Equal(log.LogIndex, receiptLog.LogIndex);
        Assert.Equal(log.Topics, receiptLog.Topics);
        Assert.Equal(log.Data.ToArray(), receiptLog.Data.ToArray());

        var decoded = chain.Abi.DecodeLog(log.Topics, log.Data.Span);
        Assert.NotNull(decoded);
        Assert.Same(Transfer, decoded.Event);
        Assert.Equal(owner.Address, decoded.Values.Get<Address>("from"));
        Assert.Equal(recipient, decoded.Values.Get<Address>("to"));
        // An indexed string is stored only as the hash of its UTF-8 bytes.
        Assert.Equal(Keccak256.Hash(tag), decoded.Values.Get<Hash256>("tag"));
        Assert.Equal(amount, decoded.Values.Get<UInt256>("amount"));
        Assert.Equal(memo, decoded.Values.Get<string>("memo"));
        // Our encoding of the same event gives exactly the log Solidity wrote.
        var encoded = Transfer.Encode(owner.Address, recipient, tag, amount, memo);
        Assert.Equal(encoded.Topics, log.Topics);
        Assert.Equal(encoded.Data.ToArray(), log.Data.ToArray());
    }

    [Fact]
    public async Task Logs_are_found_by_an_indexed_address_and_by_an_indexed_string()
    {
        using var owner = ChainAccount.Dev(Eth, 0);
        var recipient = AnvilDevAccounts.Addresses[5];
        var transfer = chain.Abi.GetFunction("transfer");
        var first = await owner.TransactAsync(chain.Contract, transfer.EncodeCall(recipient, UInt256.One, "alpha", "first"));
        var second = await owner.TransactAsync(chain.Contract, transfer.EncodeCall(recipient, (UInt256)2, "beta", "second"));
        // Another recipient with the same tag: matched by the tag filter, not by the recipient filter.
        var other = await owner.TransactAsync(chain.Contract, transfer.EncodeCall(AnvilDevAccounts.Addresses[6], (UInt256)3, "beta", "third"));

        var toRecipient = await Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = BlockParameter.Earliest,
            Addresses = [chain.Contract],
            Topics = [[Transfer.Topic0], null, [AbiEvent.EncodeTopic(AbiType.Address, recipient)]],
        });
        var taggedBeta = await Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = first.BlockNumber,
            ToBlock = other.BlockNumber,
            Addresses = [chain.Contract],
            Topics = [[Transfer.Topic0], null, null, [AbiEvent.EncodeTopic(AbiType.String, "beta")]],
        });

        Assert.Equal([first.TransactionHash, second.TransactionHash], toRecipient.Select(l => l.TransactionHash));
        Assert.Equal(["first", "second"], toRecipient.Select(l => chain.Abi.DecodeLog(l.Topics, l.Data.Span)!.Values.Get<string>("memo")));
        Assert.Equal([second.TransactionHash, other.TransactionHash], taggedBeta.Select(l => l.TransactionHash));
        Assert.Equal([(UInt256)2, (UInt256)3], taggedBeta.Select(l => Transfer.Decode(l.Topics, l.Data.Span).Get<UInt256>("amount")));
    }
}
