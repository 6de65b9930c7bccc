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

    private const string TwoTo255 = "57896044618658097711785492504343953926634992332820282019728792003956564819968";

    [Fact]
    public void Refuses_an_offset_pointing_past_the_end() =>
        Assert.Equal("offset 96 at byte 0 points past the end of the data (96 bytes)", Refuse("""["bytes"]""", Word("60") + Word("0") + Word("0")).Reason);

    [Fact]
    public void Refuses_an_offset_leaving_no_room_for_the_length_word() =>
        Assert.Equal("offset 64 at byte 0 points past the end of the data (64 bytes)", Refuse("""["bytes"]""", Word("40") + Word("0")).Reason);

    [Fact]
    public void Refuses_a_huge_offset() =>
        Assert.Equal($"offset {TwoTo255} at byte 0 points past the end of the data (32 bytes)", Refuse("""["uint8[]"]""", "8" + new string('0', 63)).Reason);

    [Fact]
    public void Refuses_a_bytes_length_of_2_to_the_255() =>
        Assert.Equal($"bytes at byte 32 claims {TwoTo255} bytes, but only 32 follow", Refuse("""["bytes"]""", Word("20") + "8" + new string('0', 63) + Word("0")).Reason);

    [Fact]
    public void Refuses_an_array_length_of_2_to_the_255() =>
        Assert.Equal($"uint256[] at byte 32 claims {TwoTo255} elements, but only 0 bytes follow", Refuse("""["uint256[]"]""", Word("20") + "8" + new string('0', 63)).Reason);

    [Fact]
    public void Refuses_an_array_length_larger_than_the_data_allows() =>
        Assert.Equal("string[] at byte 32 claims 16777216 elements, but only 32 bytes follow", Refuse("""["string[]"]""", Word("20") + Word("1000000") + Word("0")).Reason);

    [Fact]
    public void Refuses_a_bool_of_2() =>
        Assert.Equal($"bool word 0x{Word("2")} is neither 0 nor 1", Refuse("""["bool"]""", Word("2")).Reason);

    [Fact]
    public void Refuses_an_address_with_high_bits() =>
        Assert.EndsWith("cd2a3d9f938e13cd947ec05abc7fe734df8dd826 has non-zero high bytes",
            Refuse("""["address"]""", "01" + new string('0', 22) + "cd2a3d9f938e13cd947ec05abc7fe734df8dd826").Reason, StringComparison.Ordinal);

    [Fact]
    public void Refuses_a_uint8_with_high_bits() =>
        Assert.Equal($"uint8 word 0x{Word("100")} has non-zero high bits", Refuse("""["uint8"]""", Word("100")).Reason);

    [Fact]
    public void Refuses_an_int8_that_is_not_sign_extended()
    {
        Assert.Equal($"int8 word 0x{Word("80")} is not sign-extended", Refuse("""["int8"]""", Word("80")).Reason);
        Assert.Equal($"int8 word 0x00{new string('f', 62)} is not sign-extended", Refuse("""["int8"]""", "00" + new string('f', 62)).Reason);
        // The two canonical neighbours decode.
        Assert.Equal(new System.Numerics.BigInteger(-128), AbiCodec.Decode([AbiType.Int(8)], Hex.Decode(new string('f', 62) + "80"))[0]);
        Assert.Equal(new System.Numerics.BigInteger(127), AbiCodec.Decode([AbiType.Int(8)], Hex.Decode(Word("7f")))[0]);
    }

    [Fact]
    public void Refuses_dirty_padding_after_fixed_bytes_bytes_and_strings()
    {
        Assert.Equal("bytes3 word 0x" + "abcdef01".PadRight(64, '0') + " has non-zero padding", Refuse("""["bytes3"]""", "abcdef01".PadRight(64, '0')).Reason);
        Assert.Equal("bytes at byte 32 has non-zero padding", Refuse("""["bytes"]""", Word("20") + Word("1") + "ab01".PadRight(64, '0')).Reason);
        Assert.Equal("string at byte 32 has non-zero padding", Refuse("""["string"]""", Word("20") + Word("1") + "4101".PadRight(64, '0')).Reason);
    }

    [Fact]
    public void Refuses_bytes_whose_padding_is_missing() =>
        Assert.Equal("bytes of 2 bytes at byte 32 lacks its zero padding: 32 bytes needed, 2 remain", Refuse("""["bytes"]""", Word("20") + Word("2") + "abcd").Reason);

    [Fact]
    public void Refuses_strings_that_are_not_UTF8() =>
        Assert.Equal("string at byte 32 is not valid UTF-8", Refuse("""["string"]""", Word("20") + Word("2") + "c328".PadRight(64, '0')).Reason);

    [Fact]
    public void Refuses_truncated_heads()
    {
        Assert.Equal("data too short: 2 values needs 64 bytes of head at byte 0, only 32 remain", Refuse("""["uint256","uint256"]""", Word("1")).Reason);
        Assert.Equal("data too short: uint256 needs 32 bytes of head at byte 0, only 0 remain", Refuse("""["uint256"]""", "").Reason);
        Assert.Equal("data too short: (uint256,uint256)[2] needs 128 bytes of head at byte 0, only 96 remain", Refuse("""["(uint256,uint256)[2]"]""", Word("1") + Word("2") + Word("3")).Reason);
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
        Assert.Contains("expands too much", Refuse(types, hex.ToString()).Reason, StringComparison.Ordinal);
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
    public void Random_bytes_fail_only_with_AbiException_and_what_decodes_is_a_valid_value()
    {
        var random = new AbiRandom(31337);
        var (accepted, refused) = (0, 0);
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
            object?[] decoded;
            try
            {
                decoded = AbiCodec.Decode(types, data);
            }
            catch (AbiException)
            {
                refused++;
                continue;
            }
            accepted++;
            AbiCodec.Encode(types, decoded);
        }
        // Both outcomes occur, so both the refusals and the check on accepted values ran.
        Assert.InRange(accepted, 10, 490);
        Assert.InRange(refused, 10, 490);
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
