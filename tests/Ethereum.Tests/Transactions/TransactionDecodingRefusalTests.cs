using Photon.Ethereum.Crypto;
using Photon.Ethereum.Rlp;
using Photon.Ethereum.Transactions;
using RlpCodec = Photon.Ethereum.Rlp.Rlp;

namespace Photon.Ethereum.Tests.Transactions;

/// <summary>
/// Hostile and malformed raw transactions: each is refused with a <see cref="TransactionFormatException"/>
/// (never another exception) that names the problem. Field lists are rebuilt from a valid
/// transaction with one change, so each test breaks exactly one rule.
/// </summary>
public class TransactionDecodingRefusalTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");

    private static readonly Address Recipient = Address.Parse("0x3535353535353535353535353535353535353535");

    private static readonly AccessListEntry Entry = new(Recipient, [Hash256.Zero, Keccak256.OfEmpty]);

    public static TheoryData<TransactionType> Types => new() { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee };

    private static SignedTransaction Valid(TransactionType type) => TransactionSigner.Sign(type switch
    {
        TransactionType.Legacy => new LegacyTransaction
        {
            ChainId = 1, Nonce = 9, GasPrice = 20_000_000_000UL, GasLimit = 21000, To = Recipient, Value = 1UL, Data = new byte[] { 1, 2, 3 },
        },
        TransactionType.AccessList => new Eip2930Transaction
        {
            ChainId = 1, Nonce = 9, GasPrice = 20_000_000_000UL, GasLimit = 21000, To = Recipient, Value = 1UL, Data = new byte[] { 1, 2, 3 }, AccessList = [Entry],
        },
        _ => new Eip1559Transaction
        {
            ChainId = 1, Nonce = 9, MaxPriorityFeePerGas = 1UL, MaxFeePerGas = 20_000_000_000UL, GasLimit = 21000, To = Recipient,
            Value = 1UL, Data = new byte[] { 1, 2, 3 }, AccessList = [Entry],
        },
    }, Key);

    private static List<RlpItem> FieldsOf(SignedTransaction signed)
    {
        var raw = signed.Encode();
        return [.. RlpCodec.Decode(signed.Type == TransactionType.Legacy ? raw : raw.AsSpan(1)).AsList()];
    }

    private static byte[] Assemble(TransactionType type, IEnumerable<RlpItem> fields)
    {
        var body = RlpCodec.Encode(RlpItem.List(fields));
        return type == TransactionType.Legacy ? body : [(byte)type, .. body];
    }

    /// <summary>The valid transaction of <paramref name="type"/> with field <paramref name="name"/> replaced.</summary>
    private static byte[] WithField(TransactionType type, string name, RlpItem replacement)
    {
        var fields = FieldsOf(Valid(type));
        fields[FieldIndex(type, name)] = replacement;
        return Assemble(type, fields);
    }

    /// <summary>Like <see cref="WithField"/>, but the field's encoding is given as raw (possibly non-canonical) bytes.</summary>
    private static byte[] WithEncodedField(TransactionType type, string name, byte[] encodedField)
    {
        var fields = FieldsOf(Valid(type));
        var index = FieldIndex(type, name);
        var writer = new RlpWriter();
        if (type != TransactionType.Legacy)
            writer.WriteEncoded([(byte)type]);
        writer.StartList();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i == index)
                writer.WriteEncoded(encodedField);
            else
                writer.Write(fields[i]);
        }
        return writer.EndList().ToArray();
    }

    private static int FieldIndex(TransactionType type, string name)
    {
        string[] names = type switch
        {
            TransactionType.Legacy => ["nonce", "gasPrice", "gasLimit", "to", "value", "data", "v", "r", "s"],
            TransactionType.AccessList => ["chainId", "nonce", "gasPrice", "gasLimit", "to", "value", "data", "accessList", "yParity", "r", "s"],
            _ => ["chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gasLimit", "to", "value", "data", "accessList", "yParity", "r", "s"],
        };
        return Array.IndexOf(names, name) is >= 0 and var index ? index : throw new ArgumentException(name);
    }

    private static TransactionFormatException Refused(byte[] raw, string expected)
    {
        var refusal = Assert.Throws<TransactionFormatException>(() => SignedTransaction.Decode(raw));
        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Accepts_the_unmodified_transaction_so_each_refusal_is_caused_by_its_one_change(TransactionType type)
    {
        var valid = Valid(type);
        Assert.Equal(valid, SignedTransaction.Decode(Assemble(type, FieldsOf(valid))));
        Assert.Equal(valid, SignedTransaction.Decode(WithEncodedField(type, "nonce", RlpCodec.Encode(RlpItem.Of(9UL)))));
    }

    [Fact]
    public void Rejects_empty_input() => Refused([], "empty");

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_every_truncation(TransactionType type)
    {
        var raw = Valid(type).Encode();
        for (var length = 1; length < raw.Length; length++)
            Assert.Throws<TransactionFormatException>(() => SignedTransaction.Decode(raw.AsSpan(0, length)));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_trailing_bytes(TransactionType type)
    {
        var raw = Valid(type).Encode();
        Refused([.. raw, 0x00], "trailing bytes");
        Refused([.. raw, .. raw], "trailing bytes");
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x7f)]
    public void Rejects_unsupported_type_bytes(byte type)
    {
        var raw = Valid(TransactionType.DynamicFee).Encode();
        raw[0] = type;
        Refused(raw, $"unsupported transaction type 0x{type:x2}");
    }

    [Fact]
    public void Rejects_a_typed_transaction_wrapped_in_an_rlp_string_as_blocks_embed_it()
    {
        // go-ethereum's "RLP representation" of its EIP-2930 test transaction: valid inside a block body, not as a raw transaction.
        var wrapped = Hex.Decode("0xb86601f8630103018261a894b94f5374fce5edbc8e2a8697c15331677e6ebf0b0a825544c001a0c9519f4f2b30335884581971573fadf60c6204f59a911df35ee8a540456b2660a032f1e8e2c5dd761f9e4f88f41c8310aeaba26a8bfcdacfedfa12ec3862d37521");
        Refused(wrapped, "starts an RLP string");
        Assert.Equal(TransactionType.AccessList, SignedTransaction.Decode(wrapped.AsSpan(2)).Type);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x80 })]
    [InlineData(new byte[] { 0x01, 0x05 })]
    public void Rejects_a_typed_payload_that_is_not_a_list(byte[] raw) => Refused(raw, "expected an RLP list of fields");

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_a_missing_or_extra_field(TransactionType type)
    {
        var fields = FieldsOf(Valid(type));
        Refused(Assemble(type, fields[..^1]), $"RLP fields when signed, got {fields.Count - 1}");
        Refused(Assemble(type, [.. fields, RlpItem.Empty]), $"RLP fields when signed, got {fields.Count + 1}");
        // The unsigned form (legacy: 6 or 9 fields with r = s = 0) is not a signed transaction either.
        Refused(Assemble(type, fields[..^3]), "RLP fields when signed");
        Refused(Assemble(type, []), "RLP fields when signed, got 0");
    }

    [Theory]
    [InlineData(TransactionType.Legacy, "nonce")]
    [InlineData(TransactionType.Legacy, "gasPrice")]
    [InlineData(TransactionType.Legacy, "gasLimit")]
    [InlineData(TransactionType.Legacy, "value")]
    [InlineData(TransactionType.Legacy, "v")]
    [InlineData(TransactionType.Legacy, "r")]
    [InlineData(TransactionType.Legacy, "s")]
    [InlineData(TransactionType.AccessList, "chainId")]
    [InlineData(TransactionType.AccessList, "gasPrice")]
    [InlineData(TransactionType.DynamicFee, "chainId")]
    [InlineData(TransactionType.DynamicFee, "nonce")]
    [InlineData(TransactionType.DynamicFee, "maxPriorityFeePerGas")]
    [InlineData(TransactionType.DynamicFee, "maxFeePerGas")]
    [InlineData(TransactionType.DynamicFee, "gasLimit")]
    [InlineData(TransactionType.DynamicFee, "value")]
    [InlineData(TransactionType.DynamicFee, "yParity")]
    [InlineData(TransactionType.DynamicFee, "r")]
    [InlineData(TransactionType.DynamicFee, "s")]
    public void Rejects_an_integer_with_a_leading_zero_byte(TransactionType type, string field)
    {
        // One, with a leading zero: refused before any meaning (v, r, s ranges) is checked.
        Refused(WithField(type, field, RlpItem.Of([0x00, 0x01])), $"field '{field}': an RLP integer must not have leading zero bytes");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_zero_written_as_a_zero_byte(TransactionType type)
    {
        // 0x00 is the non-canonical spelling of zero (the canonical one is the empty string 0x80).
        Refused(WithEncodedField(type, "value", [0x00]), "field 'value': an RLP integer must not have leading zero bytes");
    }

    [Theory]
    [InlineData(new byte[] { 0x81, 0x05 }, "must be encoded as itself")]
    [InlineData(new byte[] { 0xb8, 0x01, 0xff }, "uses the long form")]
    [InlineData(new byte[] { 0xb9, 0x00, 0x01, 0xff }, "leading zero bytes")]
    public void Rejects_non_canonical_rlp_inside_the_fields(byte[] encodedData, string expected)
    {
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.DynamicFee })
        {
            var refusal = Refused(WithEncodedField(type, "data", encodedData), expected);
            Assert.IsType<RlpException>(refusal.InnerException);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_a_high_s_signature(TransactionType type)
    {
        var valid = Valid(type);
        var highS = Signature.CurveOrder - valid.Signature.S;
        var fields = FieldsOf(valid);
        fields[^1] = RlpItem.Of(highS);
        Refused(Assemble(type, fields), "upper half of the curve order");
        // With the parity flipped too, (r, n - s) is the malleated twin of a valid signature: still refused.
        fields[^3] = type == TransactionType.Legacy
            ? RlpItem.Of(LegacyVOf(valid) ^ 1)
            : RlpItem.Of((ulong)(1 - valid.YParity));
        Refused(Assemble(type, fields), "upper half of the curve order");
        Assert.Throws<ArgumentException>(() => new SignedTransaction(valid.Transaction, new Signature(valid.Signature.R, highS, 27)));
    }

    private static ulong LegacyVOf(SignedTransaction signed) => (ulong)signed.V;

    [Theory]
    [InlineData(27UL)]
    [InlineData(28UL)]
    [InlineData(2UL)]
    [InlineData(37UL)]
    public void Rejects_a_typed_transaction_whose_y_parity_is_not_0_or_1(ulong v)
    {
        foreach (var type in new[] { TransactionType.AccessList, TransactionType.DynamicFee })
            Refused(WithField(type, "yParity", RlpItem.Of(v)), $"yParity must be 0 or 1, got {v}");
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(26UL)]
    [InlineData(29UL)]
    [InlineData(34UL)]
    [InlineData(35UL)]
    [InlineData(36UL)]
    public void Rejects_a_legacy_v_that_is_neither_27_28_nor_eip155(ulong v) =>
        Refused(WithField(TransactionType.Legacy, "v", RlpItem.Of(v)), $"v {v} is neither 27/28");

    [Fact]
    public void Reads_the_chain_id_from_a_legacy_v_and_refuses_one_beyond_64_bits()
    {
        var valid = Valid(TransactionType.Legacy);
        // The same signature claimed for chain 2 decodes as a chain-2 transaction, whose signing
        // hash differs: the recovered sender is someone else (what EIP-155 replay protection means).
        var otherChain = SignedTransaction.Decode(WithField(TransactionType.Legacy, "v", RlpItem.Of(LegacyVOf(valid) + 2)));
        Assert.Equal(2UL, ((LegacyTransaction)otherChain.Transaction).ChainId);
        Assert.NotEqual(Key.Address, otherChain.TryRecoverSender(out var sender) ? sender : default);

        var largestChain = (UInt256)ulong.MaxValue * 2 + 35 + (ulong)valid.YParity;
        Assert.Equal(ulong.MaxValue, ((LegacyTransaction)SignedTransaction.Decode(WithField(TransactionType.Legacy, "v", RlpItem.Of(largestChain))).Transaction).ChainId);
        Refused(WithField(TransactionType.Legacy, "v", RlpItem.Of(largestChain + 2)), "beyond 64 bits");
    }

    [Theory]
    [InlineData(TransactionType.AccessList, "chainId")]
    [InlineData(TransactionType.DynamicFee, "chainId")]
    [InlineData(TransactionType.Legacy, "nonce")]
    [InlineData(TransactionType.DynamicFee, "nonce")]
    [InlineData(TransactionType.Legacy, "gasLimit")]
    [InlineData(TransactionType.DynamicFee, "gasLimit")]
    public void Rejects_64_bit_fields_beyond_64_bits(TransactionType type, string field) =>
        Refused(WithField(type, field, RlpItem.Of((UInt256)ulong.MaxValue + 1)), $"field '{field}': RLP integer 18446744073709551616 does not fit in 64 bits");

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_an_integer_of_more_than_32_bytes(TransactionType type) =>
        Refused(WithField(type, "value", RlpItem.Of(new byte[33] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })), "at most 32 bytes");

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_r_or_s_out_of_range(TransactionType type)
    {
        var fields = FieldsOf(Valid(type));
        foreach (var (index, value) in new[] { (fields.Count - 2, UInt256.Zero), (fields.Count - 1, UInt256.Zero), (fields.Count - 2, Signature.CurveOrder), (fields.Count - 2, UInt256.MaxValue) })
        {
            var changed = fields.ToList();
            changed[index] = RlpItem.Of(value);
            Refused(Assemble(type, changed), "out of range");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Rejects_a_recipient_that_is_not_20_bytes(TransactionType type)
    {
        Refused(WithField(type, "to", RlpItem.Of(new byte[19])), "field 'to': an RLP address has 20 bytes, got 19");
        Refused(WithField(type, "to", RlpItem.Of(new byte[21])), "field 'to': an RLP address has 20 bytes, got 21");
        Refused(WithField(type, "to", RlpItem.EmptyList), "field 'to': expected an RLP string");
    }

    [Fact]
    public void Rejects_a_list_where_data_belongs() =>
        Refused(WithField(TransactionType.DynamicFee, "data", RlpItem.List(RlpItem.Of(1UL))), "field 'data': expected an RLP string");

    [Theory]
    [InlineData(TransactionType.AccessList)]
    [InlineData(TransactionType.DynamicFee)]
    public void Rejects_malformed_access_lists(TransactionType type)
    {
        var address = RlpItem.Of(Recipient);
        var key = RlpItem.Of(Hash256.Zero);
        var cases = new (RlpItem AccessList, string Expected)[]
        {
            (RlpItem.Empty, "expected an RLP list"),
            (L(address), "expected an RLP list"),
            (L(L(address)), "an access list entry [address, storageKeys] must have 2 RLP items, got 1"),
            (L(L(address, RlpItem.EmptyList, RlpItem.EmptyList)), "an access list entry [address, storageKeys] must have 2 RLP items, got 3"),
            (L(L(RlpItem.Of(new byte[19]), RlpItem.EmptyList)), "an RLP address has 20 bytes, got 19"),
            (L(L(address, key)), "expected an RLP list"),
            (L(L(address, L(RlpItem.Of(new byte[31])))), "an RLP hash has 32 bytes, got 31"),
            (L(L(address, L(key, RlpItem.EmptyList))), "expected an RLP string"),
        };
        foreach (var (accessList, expected) in cases)
            Refused(WithField(type, "accessList", accessList), $"field 'accessList': {expected}");
    }

    // An RLP list of the given items (an RlpList argument alone would also match the IEnumerable overload).
    private static RlpList L(params RlpItem[] items) => RlpItem.List(items);

    [Fact]
    public void Parse_refuses_text_that_is_not_0x_hex()
    {
        var hex = Valid(TransactionType.DynamicFee).ToHex();
        Assert.StartsWith("not a raw transaction: expected 0x-prefixed hex, got '02f8", Assert.Throws<TransactionFormatException>(() => SignedTransaction.Parse(hex[2..])).Message, StringComparison.Ordinal);
        Assert.StartsWith("not a raw transaction: hex text has an odd number of digits", Assert.Throws<TransactionFormatException>(() => SignedTransaction.Parse(hex + "0")).Message, StringComparison.Ordinal);
        Assert.Contains($"is not hex: bad character at position {hex.Length - 2}", Assert.Throws<TransactionFormatException>(() => SignedTransaction.Parse(hex[..^2] + "zz")).Message, StringComparison.Ordinal);
        Assert.Equal(Valid(TransactionType.DynamicFee), SignedTransaction.Parse("0X" + hex[2..].ToUpperInvariant()));
    }

    [Fact]
    public void Mutated_transactions_are_refused_or_decode_to_their_exact_bytes()
    {
        var random = new Random(2718);
        var originals = new List<byte[]>();
        foreach (var type in new[] { TransactionType.Legacy, TransactionType.AccessList, TransactionType.DynamicFee })
        {
            for (var i = 0; i < 20; i++)
                originals.Add(TransactionSigner.Sign(RandomTransactions.Create(random, type), Key).Encode());
        }
        var accepted = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var raw = (byte[])originals[random.Next(originals.Count)].Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                switch (random.Next(3))
                {
                    case 0:
                        raw[random.Next(raw.Length)] = (byte)random.Next(256);
                        break;
                    case 1:
                        raw[random.Next(raw.Length)] ^= (byte)(1 << random.Next(8));
                        break;
                    default:
                        raw = raw[..random.Next(1, raw.Length + 1)];
                        break;
                }
            }
            SignedTransaction decoded;
            try
            {
                decoded = SignedTransaction.Decode(raw);
            }
            catch (TransactionFormatException)
            {
                continue;
            }
            accepted++;
            // Whatever is accepted is canonical: it has exactly one encoding, the input.
            Assert.Equal(Hex.Encode(raw), decoded.ToHex());
        }
        // Flips inside data, values and addresses leave valid transactions: the check above ran.
        Assert.True(accepted > 100, $"only {accepted} mutated transactions decoded");
    }

    [Fact]
    public void Random_bytes_never_escape_as_anything_but_a_format_exception()
    {
        var random = new Random(155);
        for (var round = 0; round < 20_000; round++)
        {
            var raw = RandomTransactions.Bytes(random, random.Next(0, 200));
            if (raw.Length > 0 && random.Next(2) == 0)
                raw[0] = (byte)random.Next(3);
            try
            {
                var decoded = SignedTransaction.Decode(raw);
                Assert.Equal(Hex.Encode(raw), decoded.ToHex());
            }
            catch (TransactionFormatException)
            {
            }
        }
    }
}
