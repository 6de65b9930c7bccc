using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Tests.Crypto;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>
/// Legacy EIP-155, EIP-2930 and EIP-1559 transactions against ethers v6 in one node process
/// (tools/crosscheck/tx.cjs): unsigned serialization, signing hash, signed bytes (byte-identical,
/// since both sign per RFC 6979), transaction hash and v; then ethers' raw transaction decoded by us,
/// equal to ours, with the sender ethers recovers. Pre-EIP-155 legacy cases check decoding only.
/// </summary>
public class EthersTransactionCrossCheckTests
{
    private const int CasesPerType = 250;
    private const int PreEip155Cases = 30;

    private sealed record Case(byte[] Key, Transaction Transaction, JsonObject EthersTransaction);

    [Fact]
    public async Task Encoding_signing_and_decoding_equal_ethers()
    {
        var random = new Random(1559);
        var cases = new List<Case>();
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee })
        {
            for (var i = 0; i < CasesPerType; i++)
            {
                var transaction = RandomTransactions.Create(random, type, RandomTransactions.MaxEthersNonce);
                cases.Add(new Case(Backends.RandomKey(random), transaction, EthersJson(transaction)));
            }
        }
        for (var i = 0; i < PreEip155Cases; i++)
        {
            var transaction = (LegacyTransaction)RandomTransactions.Create(random, TransactionType.Legacy, RandomTransactions.MaxEthersNonce)
                with { ChainId = null };
            cases.Add(new Case(Backends.RandomKey(random), transaction, EthersJson(transaction)));
        }

        AssertEdgesAreCovered([.. cases.Select(c => c.Transaction)]);

        var input = new JsonObject
        {
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = Hex.Encode(c.Key),
                ["tx"] = c.EthersTransaction.DeepClone(),
            })]),
        };
        var output = await NodeScript.RunAsync("tx.cjs", input.ToJsonString());
        using var document = JsonDocument.Parse(output);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(cases.Count, results.Length);

        for (var i = 0; i < cases.Count; i++)
        {
            var (key, transaction, ethersTransaction) = cases[i];
            var ethers = results[i];
            var context = $"case {i}: {transaction}";
            using var privateKey = new PrivateKey(key);

            Assert.True(
                Hex.Encode(transaction.EncodeUnsigned()) == ethers.GetProperty("unsignedSerialized").GetString(),
                $"{context}: unsigned serialization {Hex.Encode(transaction.EncodeUnsigned())} vs ethers {ethers.GetProperty("unsignedSerialized").GetString()}");
            Assert.True(transaction.SigningHash.ToString() == ethers.GetProperty("unsignedHash").GetString(), $"{context}: signing hash");

            // Pre-EIP-155 transactions are never signed by TransactionSigner; sign the digest directly.
            var signed = transaction.SignedChainId is null
                ? new SignedTransaction(transaction, privateKey.Sign(transaction.SigningHash))
                : TransactionSigner.Sign(transaction, privateKey);
            var ethersRaw = ethers.GetProperty("signed").GetString()!;
            Assert.True(signed.ToHex() == ethersRaw, $"{context}: signed {signed.ToHex()} vs ethers {ethersRaw}");
            Assert.True(signed.Hash.ToString() == ethers.GetProperty("hash").GetString(), $"{context}: hash");
            Assert.True(signed.V.ToString() == ethers.GetProperty("v").GetString(), $"{context}: v {signed.V} vs ethers {ethers.GetProperty("v").GetString()}");

            var decoded = SignedTransaction.Parse(ethersRaw);
            Assert.True(decoded == signed, $"{context}: decoded ethers raw is {decoded}");
            Assert.True(decoded.Transaction == transaction, $"{context}: decoded transaction differs");
            var ethersFrom = Address.Parse(ethers.GetProperty("from").GetString()!);
            Assert.Equal(privateKey.Address, ethersFrom);
            Assert.Equal(ethersFrom, decoded.RecoverSender());

            // The JSON ethers was given is also valid input for our parser (chain id 0 aside, which
            // ethers reads as "no chain id" and we refuse as user input).
            if (transaction.SignedChainId is not null)
            {
                var parsed = TransactionJson.Parse(ethersTransaction.ToJsonString());
                Assert.True(parsed.Transaction == transaction, $"{context}: ethers-shaped JSON parsed to {parsed.Transaction}");
            }
        }
    }

    /// <summary>The seeded cases really contain the edges the cross-check is meant to exercise, for every type.</summary>
    private static void AssertEdgesAreCovered(List<Transaction> transactions)
    {
        foreach (var group in transactions.Where(t => t.SignedChainId is not null).GroupBy(t => t.Type))
        {
            var edges = new (string Name, Func<Transaction, bool> Present)[]
            {
                ("contract creation", t => t.To is null),
                ("zero value", t => t.Value.IsZero),
                ("largest value", t => t.Value == UInt256.MaxValue),
                ("empty data", t => t.Data.IsEmpty),
                ("one data byte below 0x80", t => t.Data.Length == 1 && t.Data.Span[0] < 0x80),
                ("56-byte data (long RLP form)", t => t.Data.Length == 56),
                ("data past 256 bytes", t => t.Data.Length > 256),
                ("chain id 1", t => t.SignedChainId == 1),
                ("chain id 31337", t => t.SignedChainId == 31337),
                ("chain id past 2^32", t => t.SignedChainId > uint.MaxValue),
                ("largest chain id", t => t.SignedChainId == ulong.MaxValue),
                ("zero nonce", t => t.Nonce == 0),
                ("zero gas limit", t => t.GasLimit == 0),
            };
            var typed = group.OfType<TypedTransaction>().ToList();
            foreach (var (name, present) in edges)
                Assert.True(group.Any(present), $"no {group.Key} case with {name}");
            if (typed.Count > 0)
            {
                Assert.True(typed.Any(t => t.AccessList.Count == 0), $"no {group.Key} case with an empty access list");
                Assert.True(typed.Any(t => t.AccessList.Count == 3 && t.AccessList.Any(e => e.StorageKeys.Count == 3)), $"no {group.Key} case with 3 entries and 3 keys");
                Assert.True(typed.Any(t => t.AccessList.Any(e => e.StorageKeys.Count == 0)), $"no {group.Key} case with an entry without keys");
            }
        }
    }

    /// <summary>The ethers <c>TransactionLike</c> of a transaction, written independently of <see cref="TransactionJson"/>.</summary>
    private static JsonObject EthersJson(Transaction transaction)
    {
        var json = new JsonObject
        {
            ["type"] = (int)transaction.Type,
            ["chainId"] = (transaction.SignedChainId ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nonce"] = transaction.Nonce.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["gasLimit"] = transaction.GasLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = transaction.To?.ToLowerHex(),
            ["value"] = transaction.Value.ToString(),
            ["data"] = Hex.Encode(transaction.Data.Span),
        };
        switch (transaction)
        {
            case LegacyTransaction legacy:
                json["gasPrice"] = legacy.GasPrice.ToString();
                break;
            case Eip2930Transaction accessList:
                json["gasPrice"] = accessList.GasPrice.ToString();
                break;
            case Eip1559Transaction dynamicFee:
                json["maxFeePerGas"] = dynamicFee.MaxFeePerGas.ToString();
                json["maxPriorityFeePerGas"] = dynamicFee.MaxPriorityFeePerGas.ToString();
                break;
        }
        if (transaction is TypedTransaction typed)
        {
            json["accessList"] = new JsonArray([.. typed.AccessList.Select(e => (JsonNode)new JsonObject
            {
                ["address"] = e.Address.ToLowerHex(),
                ["storageKeys"] = new JsonArray([.. e.StorageKeys.Select(k => (JsonNode)Hex.Encode(k.ToArray()))]),
            })]);
        }
        return json;
    }
}
