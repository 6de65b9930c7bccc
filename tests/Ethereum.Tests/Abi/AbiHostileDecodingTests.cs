using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>Decoding treats data as hostile: every failure is an <see cref="AbiException"/>, nothing is allocated on a claim alone.</summary>
public class AbiHostileDecodingTests
{
    private static string Word(string hex) => hex.PadLeft(64, '0');

    private static AbiException Refuse(string types, string hex)
    {
        var parsed = AbiJson.ToTypes(System.Text.Json.JsonDocument.Parse(types).RootElement);
        return Assert.Throws<AbiException>(() => AbiCodec.Decode(parsed, Hex.Decode(hex)));
    }

    [Fact]
    public void Refuses_an_offset_pointing_past_the_end() =>
        Assert.Contains("points past the end", Refuse("""["bytes"]""", Word("60") + Word("0") + Word("0")).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_a_huge_offset() =>
        Refuse("""["uint8[]"]""", "8" + new string('0', 63));

    [Fact]
    public void Refuses_a_bytes_length_of_2_to_the_255() =>
        Assert.Contains("claims", Refuse("""["bytes"]""", Word("20") + "8" + new string('0', 63) + Word("0")).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_an_array_length_of_2_to_the_255() =>
        Assert.Contains("elements", Refuse("""["uint256[]"]""", Word("20") + "8" + new string('0', 63)).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_an_array_length_larger_than_the_data_allows() =>
        Refuse("""["string[]"]""", Word("20") + Word("1000000") + Word("0"));

    [Fact]
    public void Refuses_a_bool_of_2() =>
        Assert.Contains("neither 0 nor 1", Refuse("""["bool"]""", Word("2")).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_an_address_with_high_bits() =>
        Refuse("""["address"]""", "01" + new string('0', 22) + "cd2a3d9f938e13cd947ec05abc7fe734df8dd826");

    [Fact]
    public void Refuses_a_uint8_with_high_bits() =>
        Assert.Contains("high bits", Refuse("""["uint8"]""", Word("100")).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_an_int8_that_is_not_sign_extended()
    {
        Refuse("""["int8"]""", Word("80"));
        Refuse("""["int8"]""", "00" + new string('f', 62));
    }

    [Fact]
    public void Refuses_dirty_padding_after_fixed_bytes_bytes_and_strings()
    {
        Refuse("""["bytes3"]""", "abcdef01".PadRight(64, '0'));
        Refuse("""["bytes"]""", Word("20") + Word("1") + "ab01".PadRight(64, '0'));
        Refuse("""["string"]""", Word("20") + Word("1") + "4101".PadRight(64, '0'));
    }

    [Fact]
    public void Refuses_bytes_whose_padding_is_missing() =>
        Assert.Contains("padding", Refuse("""["bytes"]""", Word("20") + Word("2") + "abcd").Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_strings_that_are_not_UTF8() =>
        Assert.Contains("UTF-8", Refuse("""["string"]""", Word("20") + Word("2") + "c328".PadRight(64, '0')).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_truncated_heads()
    {
        Refuse("""["uint256","uint256"]""", Word("1"));
        Refuse("""["uint256"]""", "");
        Refuse("""["(uint256,uint256)[2]"]""", Word("1") + Word("2") + Word("3"));
    }

    [Fact]
    public void Says_which_value_is_bad()
    {
        var error = Refuse("""["uint8","(bool,bool)[]"]""", Word("1") + Word("40") + Word("2") + Word("1") + Word("0") + Word("1") + Word("7"));
        Assert.Equal("[1][1][1]", error.Path);
    }

    [Fact]
    public void Refuses_offsets_that_reuse_data_to_inflate_the_result()
    {
        // A uint256[][][][] where every element of a level points at the same next level:
        // 1.2 KB of data would decode into 8^4 values (and deeper nesting into millions).
        const int fanOut = 8;
        var hex = new System.Text.StringBuilder();
        // Level layout: [count][offsets...] each pointing at the same next level.
        hex.Append(Word("20"));
        hex.Append(Word(fanOut.ToString("x")));
        hex.Append(string.Concat(Enumerable.Repeat(Word((fanOut * 32).ToString("x")), fanOut)));
        hex.Append(Word(fanOut.ToString("x")));
        hex.Append(string.Concat(Enumerable.Repeat(Word((fanOut * 32).ToString("x")), fanOut)));
        hex.Append(Word(fanOut.ToString("x")));
        hex.Append(string.Concat(Enumerable.Repeat(Word((fanOut * 32).ToString("x")), fanOut)));
        hex.Append(Word(fanOut.ToString("x")));
        hex.Append(string.Concat(Enumerable.Repeat(Word("1"), fanOut)));
        var types = """["uint256[][][][]"]""";
        Assert.Contains("expands too much", Refuse(types, hex.ToString()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_and_truncated_encodings_fail_only_with_AbiException()
    {
        var random = new AbiRandom(777);
        var failures = 0;
        for (var i = 0; i < 2000; i++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.Type()).ToArray();
            var encoded = AbiCodec.Encode(types, types.Select(random.Value).ToArray());
            var mutated = Mutate(random.Random, encoded);
            try
            {
                var decoded = AbiCodec.Decode(types, mutated);
                // Whatever is accepted is a valid value of the types.
                AbiCodec.Encode(types, decoded);
            }
            catch (AbiException)
            {
                failures++;
            }
        }
        // The mutations must actually hit the checks, or this test proves nothing.
        Assert.InRange(failures, 400, 2000);
    }

    [Fact]
    public void Random_bytes_fail_only_with_AbiException()
    {
        var random = new AbiRandom(31337);
        for (var i = 0; i < 500; i++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.Type()).ToArray();
            var data = new byte[32 * random.Random.Next(0, 12)];
            random.Random.NextBytes(data);
            // Small numbers in some words, so offsets and lengths sometimes land in range.
            for (var w = 0; w < data.Length / 32; w++)
            {
                if (random.Random.Next(2) == 0)
                {
                    Array.Clear(data, w * 32, 31);
                    data[w * 32 + 31] = (byte)(random.Random.Next(0, 12) * 32 * (random.Random.Next(3) == 0 ? 0 : 1) + random.Random.Next(0, 3));
                }
            }
            try
            {
                AbiCodec.Decode(types, data);
            }
            catch (AbiException)
            {
            }
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(6))
        {
            case 0 when bytes.Length > 0:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length + 1)];
            case 2 when bytes.Length >= 32:
                // Rewrite a word as a small number: a plausible but wrong offset or length.
                var word = random.Next(bytes.Length / 32) * 32;
                Array.Clear(bytes, word, 32);
                bytes[word + 31] = (byte)random.Next(256);
                bytes[word + 30] = (byte)random.Next(3);
                return bytes;
            case 3 when bytes.Length >= 32:
                // Set a high byte of a word: dirty bits in an elementary value, or a giant offset.
                bytes[random.Next(bytes.Length / 32) * 32 + random.Next(0, 12)] = (byte)random.Next(1, 256);
                return bytes;
            case 4:
                return [.. bytes, .. new byte[32 * random.Next(1, 3)]];
            default:
                if (bytes.Length > 0)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
        }
    }
}
