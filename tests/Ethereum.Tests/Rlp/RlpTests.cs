using Photon.Ethereum.Rlp;
using RlpCodec = Photon.Ethereum.Rlp.Rlp;

namespace Photon.Ethereum.Tests.Rlp;

public class RlpTests
{
    [Theory]
    [InlineData("80", "")]
    [InlineData("00", "00")]
    [InlineData("7f", "7f")]
    [InlineData("8180", "80")]
    [InlineData("83646f67", "646f67")]
    public void Encodes_byte_strings_in_their_short_forms(string expected, string bytes) =>
        Assert.Equal(Hex.Decode(expected), RlpCodec.EncodeBytes(Hex.Decode(bytes)));

    [Fact]
    public void Encodes_a_56_byte_string_with_a_long_header()
    {
        var bytes = new byte[56];
        var encoded = RlpCodec.EncodeBytes(bytes);
        Assert.Equal(new byte[] { 0xb8, 56 }, encoded[..2]);
        Assert.Equal(58, encoded.Length);
    }

    [Fact]
    public void Encodes_integers_minimally_with_zero_as_the_empty_string()
    {
        Assert.Equal(new byte[] { 0x80 }, RlpCodec.Encode(UInt256.Zero));
        Assert.Equal(new byte[] { 0x0f }, RlpCodec.Encode(new UInt256(15)));
        Assert.Equal(new byte[] { 0x82, 0x04, 0x00 }, RlpCodec.Encode(new UInt256(1024)));
        var max = RlpCodec.Encode(UInt256.MaxValue);
        Assert.Equal(33, max.Length);
        Assert.Equal(0xa0, max[0]);
    }

    [Fact]
    public void Reads_typed_values_back()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var hash = Photon.Ethereum.Crypto.Keccak256.Hash("x");
        var list = RlpCodec.Decode(RlpCodec.Encode(RlpItem.List(
            RlpItem.Of(new UInt256(0, 0, 0, 1)), RlpItem.Of(77UL), RlpItem.Of(address), RlpItem.Of((Address?)null), RlpItem.Of(hash)))).AsList();

        Assert.Equal(new UInt256(0, 0, 0, 1), list[0].ToUInt256());
        Assert.Equal(77UL, list[1].ToUInt64());
        Assert.Equal(address, list[2].ToAddress());
        Assert.Equal(address, list[2].ToOptionalAddress());
        Assert.Null(list[3].ToOptionalAddress());
        Assert.Equal(hash, list[4].ToHash256());
        Assert.Same(list, list.ExpectCount(5, "test"));
    }

    [Theory]
    [InlineData("820001")]
    [InlineData("a1010000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("c0")]
    public void Refuses_integers_that_are_not_canonical(string hex) =>
        Assert.Throws<RlpException>(() => RlpCodec.Decode(Hex.Decode(hex)).ToUInt256());

    [Fact]
    public void Refuses_a_64_bit_read_of_a_larger_integer() =>
        Assert.Throws<RlpException>(() => RlpCodec.Decode(Hex.Decode("89010000000000000000")).ToUInt64());

    [Theory]
    [InlineData("80")]
    [InlineData("93000000000000000000000000000000000000000000")]
    [InlineData("950000000000000000000000000000000000000000000000")]
    public void Refuses_addresses_that_are_not_20_bytes(string hex) =>
        Assert.Throws<RlpException>(() => RlpCodec.Decode(Hex.Decode(hex)).ToAddress());

    [Fact]
    public void Refuses_a_list_where_a_string_is_expected_and_the_reverse()
    {
        Assert.Throws<RlpException>(() => RlpCodec.Decode([0xc0]).ToBytes());
        Assert.Throws<RlpException>(() => RlpCodec.Decode([0x80]).AsList());
        Assert.Throws<RlpException>(() => RlpCodec.Decode([0xc1, 0x01]).AsList().ExpectCount(2, "pair"));
    }

    [Theory]
    [InlineData("8100", "single byte")]
    [InlineData("b80100", "long form")]
    [InlineData("f801c0", "long form")]
    [InlineData("b9000100", "leading zero")]
    [InlineData("8301", "claims 3 bytes")]
    [InlineData("c3c281", "claims 3 bytes")]
    [InlineData("0000", "trailing")]
    [InlineData("c10101", "trailing")]
    [InlineData("bb80000000", "overflows")]
    [InlineData("bf0102030405060708", "2^31")]
    public void Refuses_non_canonical_or_truncated_input_with_the_reason(string hex, string reason)
    {
        var error = Assert.Throws<RlpException>(() => RlpCodec.Decode(Hex.Decode(hex)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(error.Offset >= 0);
    }

    [Fact]
    public void Refuses_an_item_that_crosses_the_end_of_its_list()
    {
        // c2 says the list payload is 2 bytes, but the string inside claims 2 of its own.
        var error = Assert.Throws<RlpException>(() => RlpCodec.Decode(Hex.Decode("c2820102")));
        Assert.Equal(1, error.Offset);
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit_and_accepts_the_limit()
    {
        static byte[] Nested(int depth)
        {
            var item = (RlpItem)RlpItem.EmptyList;
            for (var i = 1; i < depth; i++)
                item = RlpItem.List(item);
            return RlpCodec.Encode(item);
        }

        Assert.IsType<RlpList>(RlpCodec.Decode(Nested(RlpCodec.MaxDepth)));
        Assert.Throws<RlpException>(() => RlpCodec.Decode(Nested(RlpCodec.MaxDepth + 1)));
    }

    [Fact]
    public void Writer_matches_the_tree_encoder_on_random_trees()
    {
        var random = new Random(4242);
        for (var i = 0; i < 300; i++)
        {
            var tree = RandomItem(random, 0);
            var writer = new RlpWriter(initialCapacity: random.Next(1, 64));
            StreamingRlp.Write(writer, tree);
            var encoded = RlpCodec.Encode(tree);
            Assert.Equal(encoded, writer.ToArray());
            Assert.Equal(tree, RlpCodec.Decode(encoded));
        }
    }

    [Fact]
    public void Writer_writes_typed_values_like_the_items_do()
    {
        var address = Address.Parse("0x00000000000000000000000000000000000000ff");
        var writer = new RlpWriter()
            .StartList()
            .Write(UInt256.Zero).Write(1UL).Write(new UInt256(0, 1)).Write(address).Write((Address?)null)
            .Write(Hash256.Zero).Write(RlpItem.List(RlpItem.Of(5UL))).WriteEncoded([0xc0])
            .EndList();
        var expected = RlpItem.List(
            RlpItem.Of(UInt256.Zero), RlpItem.Of(1UL), RlpItem.Of(new UInt256(0, 1)), RlpItem.Of(address), RlpItem.Empty,
            RlpItem.Of(Hash256.Zero), RlpItem.List(RlpItem.Of(5UL)), RlpItem.EmptyList);
        Assert.Equal(RlpCodec.Encode(expected), writer.ToArray());
    }

    [Fact]
    public void Writer_refuses_unbalanced_lists()
    {
        Assert.Throws<InvalidOperationException>(() => new RlpWriter().EndList());
        Assert.Throws<InvalidOperationException>(() => new RlpWriter().StartList().ToArray());
    }

    [Fact]
    public void Items_compare_by_content()
    {
        Assert.Equal(RlpItem.Of([1, 2]), RlpItem.Of([1, 2]));
        Assert.Equal(RlpItem.Of([1, 2]).GetHashCode(), RlpItem.Of([1, 2]).GetHashCode());
        Assert.NotEqual<RlpItem>(RlpItem.Of([1, 2]), RlpItem.List(RlpItem.Of([1, 2])));
        Assert.True(RlpItem.List(RlpItem.Empty) == RlpItem.List(RlpItem.Of([])));
        Assert.Equal("[0x0102, []]", RlpItem.List(RlpItem.Of([1, 2]), RlpItem.EmptyList).ToString());
    }

    [Fact]
    public void Random_bytes_decode_or_fail_with_RlpException_and_accepted_input_is_canonical()
    {
        var random = new Random(9001);
        var valid = Enumerable.Range(0, 50).Select(_ => RlpCodec.Encode(RandomItem(random, 0))).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.Next(0, 80)];
                random.NextBytes(input);
                // Bias towards header bytes so that lists and long forms actually get exercised.
                for (var j = 0; j < input.Length; j += random.Next(1, 6))
                    input[j] = (byte)random.Next(0x80, 0x100);
            }
            else
            {
                input = Mutate(random, valid[random.Next(valid.Length)]);
            }
            RlpItem decoded;
            try
            {
                decoded = RlpCodec.Decode(input);
            }
            catch (RlpException)
            {
                continue;
            }
            // Strictness means one encoding per item: whatever is accepted re-encodes to itself.
            Assert.Equal(input, RlpCodec.Encode(decoded));
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0 when bytes.Length > 0:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length + 1)];
            case 2:
                return [.. bytes, (byte)random.Next(256)];
            default:
                if (bytes.Length > 0)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
        }
    }

    internal static RlpItem RandomItem(Random random, int depth)
    {
        if (depth < 4 && random.Next(3) == 0)
        {
            var count = random.Next(0, depth == 0 ? 30 : 6);
            return RlpItem.List(Enumerable.Range(0, count).Select(_ => RandomItem(random, depth + 1)).ToArray());
        }
        var length = random.Next(5) switch
        {
            0 => 0,
            1 => 1,
            2 => random.Next(2, 56),
            3 => random.Next(56, 300),
            _ => random.Next(0, 3),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return RlpItem.Of(bytes);
    }
}
