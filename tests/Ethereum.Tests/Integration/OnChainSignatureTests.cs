using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// Signatures made by us and verified by Solidity's <c>ecrecover</c> on a real chain: an EIP-191
/// message digest and an EIP-712 digest that the contract computes itself from the type strings,
/// with the domain bound to the deployed contract and Anvil's chain id. If our framing, struct
/// hashing (nested struct, string, bytes, array) or domain differed from Solidity's in one bit, the
/// contract would recover some other address.
/// </summary>
public sealed class OnChainSignatureTests(LedgerChain chain) : IClassFixture<LedgerChain>
{
    // A key that owns nothing on the chain: verification needs no funds.
    private static readonly byte[] SignerSecret = Keccak256.Hash("photon e2e off-chain signer").ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(483)] // the longest message our digest frames on the stack
    [InlineData(484)] // the shortest one it frames in a pooled buffer
    [InlineData(1000)]
    public async Task EIP191_signature_of_a_message_recovers_to_our_address_in_Solidity(int length)
    {
        using var key = PrivateKey.FromBytes(SignerSecret);
        var message = new byte[length];
        new Random(length).NextBytes(message);

        var signature = key.SignMessage(message);

        Assert.Equal(key.Address, await MessageSignerAsync(message, signature));
        Assert.Equal(key.Address, Eip191.RecoverMessageSigner(message, signature));
    }

    [Fact]
    public async Task EIP191_signature_of_text_frames_its_UTF8_byte_length_not_its_char_count()
    {
        using var key = PrivateKey.FromBytes(SignerSecret);
        const string text = "Photon ⚡ channel opened — Grüße 🚀";

        var signature = key.SignMessage(text);

        Assert.Equal(key.Address, await MessageSignerAsync(System.Text.Encoding.UTF8.GetBytes(text), signature));
    }

    [Fact]
    public async Task Signature_over_the_unprefixed_hash_does_not_recover_to_us_in_Solidity()
    {
        using var key = PrivateKey.FromBytes(SignerSecret);
        var message = "not a personal message"u8.ToArray();

        var signature = key.Sign(Keccak256.Hash(message));

        Assert.NotEqual(key.Address, await MessageSignerAsync(message, signature));
    }

    [Fact]
    public async Task Domain_separator_matches_the_one_Solidity_computes_for_this_contract_and_chain()
    {
        var chainId = await chain.Eth.ChainIdAsync();
        var domain = new Eip712Domain(LedgerChain.LedgerName, "1", chainId, chain.Contract);
        var typedData = TypedData.Parse(OrderTypedData(chainId, RandomOrder(1)).ToJsonString());

        var onChain = (await chain.CallAsync("domainSeparator")).Get<byte[]>(0);

        Assert.Equal(domain.Separator.ToArray(), onChain);
        Assert.Equal(domain.Separator, typedData.DomainSeparator());
        Assert.Equal(LedgerContract.OrderType, typedData.Types.EncodeType("Order"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task EIP712_digest_equals_Solidity_and_the_signature_recovers_to_our_address(int seed)
    {
        using var key = PrivateKey.FromBytes(SignerSecret);
        var chainId = await chain.Eth.ChainIdAsync();
        var order = RandomOrder(seed);
        var typedData = TypedData.Parse(OrderTypedData(chainId, order).ToJsonString());

        var digest = typedData.Hash();
        var signature = key.Sign(digest);

        Assert.Equal(digest.ToArray(), (await chain.CallAsync("orderDigest", [order.AbiValue])).Get<byte[]>(0));
        Assert.Equal(key.Address, (await chain.CallAsync("orderSigner", order.AbiValue, signature.ToBytes())).Get<Address>(0));
    }

    [Fact]
    public async Task EIP712_signature_does_not_verify_for_an_order_changed_after_signing()
    {
        using var key = PrivateKey.FromBytes(SignerSecret);
        var chainId = await chain.Eth.ChainIdAsync();
        var order = RandomOrder(7);
        var signature = key.Sign(TypedData.Parse(OrderTypedData(chainId, order).ToJsonString()).Hash());
        var changed = order with { Amount = order.Amount == UInt256.MaxValue ? UInt256.Zero : order.Amount + UInt256.One };

        var signer = (await chain.CallAsync("orderSigner", changed.AbiValue, signature.ToBytes())).Get<Address>(0);

        Assert.NotEqual(key.Address, signer);
    }

    private async Task<Address> MessageSignerAsync(byte[] message, Signature signature) =>
        (await chain.CallAsync("messageSigner", message, signature.ToBytes())).Get<Address>(0);

    /// <summary>The eth_signTypedData_v4 document of an order in the ledger's domain.</summary>
    private JsonObject OrderTypedData(ulong chainId, Order order) => new()
    {
        ["types"] = new JsonObject
        {
            ["EIP712Domain"] = Fields(("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address")),
            ["Order"] = Fields(("buyer", "Person"), ("amount", "uint256"), ("memo", "string"), ("payload", "bytes"), ("ids", "uint256[]")),
            ["Person"] = Fields(("wallet", "address"), ("name", "string")),
        },
        ["primaryType"] = "Order",
        ["domain"] = new JsonObject
        {
            ["name"] = LedgerChain.LedgerName,
            ["version"] = "1",
            ["chainId"] = chainId,
            ["verifyingContract"] = chain.Contract.ToString(),
        },
        ["message"] = new JsonObject
        {
            ["buyer"] = new JsonObject { ["wallet"] = order.Wallet.ToString(), ["name"] = order.Name },
            ["amount"] = order.Amount.ToString(),
            ["memo"] = order.Memo,
            ["payload"] = Hex.Encode(order.Payload),
            ["ids"] = new JsonArray([.. order.Ids.Select(id => (JsonNode)id.ToString())]),
        },
    };

    private static JsonArray Fields(params (string Name, string Type)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);

    /// <summary>An order from a seeded generator: unicode strings, a full-width amount, bytes and an array of any length (empty included).</summary>
    private static Order RandomOrder(int seed)
    {
        var random = new Random(seed);
        var wallet = new byte[20];
        random.NextBytes(wallet);
        var amount = new byte[32];
        random.NextBytes(amount);
        var payload = new byte[random.Next(0, 80)];
        random.NextBytes(payload);
        var ids = new UInt256[random.Next(0, 5)];
        for (var i = 0; i < ids.Length; i++)
        {
            var word = new byte[32];
            random.NextBytes(word);
            ids[i] = UInt256.FromBigEndian(word.AsSpan(0, random.Next(1, 33)));
        }
        return new Order(new Address(wallet), Text(random), UInt256.FromBigEndian(amount), Text(random), payload, ids);
    }

    private static string Text(Random random)
    {
        string[] pieces = ["a", "Z", "0", " ", "ü", "—", "支", "🚀", "\"", "\\", "\n", "Photon"];
        return string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    private sealed record Order(Address Wallet, string Name, UInt256 Amount, string Memo, byte[] Payload, UInt256[] Ids)
    {
        /// <summary>The ABI value of the Solidity struct: a tuple (a nested tuple for the buyer).</summary>
        public object?[] AbiValue => [new object?[] { Wallet, Name }, Amount, Memo, Payload, Ids];
    }
}
