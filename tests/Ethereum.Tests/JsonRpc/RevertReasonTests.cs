using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class RevertReasonTests
{
    [Theory]
    [InlineData(0x00, "generic compiler panic")]
    [InlineData(0x01, "assertion failed")]
    [InlineData(0x11, "arithmetic overflow or underflow")]
    [InlineData(0x12, "division or modulo by zero")]
    [InlineData(0x21, "conversion to an invalid enum value")]
    [InlineData(0x22, "incorrectly encoded storage byte array")]
    [InlineData(0x31, "pop() on an empty array")]
    [InlineData(0x32, "array index out of bounds")]
    [InlineData(0x41, "out of memory (too large allocation)")]
    [InlineData(0x51, "call to a zero-initialized internal function")]
    [InlineData(0x99, "unknown panic code")]
    public void Panic_codes_are_named_as_solidity_defines_them(ulong code, string meaning)
    {
        var reason = RevertReason.Decode(EvmCode.PanicPayload(code));

        Assert.Equal(RevertReasonKind.Panic, reason.Kind);
        Assert.Equal((UInt256)code, reason.PanicCode);
        Assert.Equal(meaning, RevertReason.DescribePanic(code));
        Assert.EndsWith(meaning, reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Panic_code_beyond_a_byte_is_unknown_not_truncated()
    {
        var reason = RevertReason.Decode([.. Hex.Decode("4e487b71"), .. EvmCode.Word(UInt256.MaxValue - 0xee)]);

        Assert.Equal(RevertReasonKind.Panic, reason.Kind);
        Assert.Contains("unknown panic code", reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_string_decodes_with_a_non_standard_offset()
    {
        // The string placed one word later than Solidity puts it, as any ABI encoder may.
        byte[] data = [.. Hex.Decode("08c379a0"), .. EvmCode.Word(64), .. new byte[32], .. EvmCode.Word(2), .. "hi"u8, .. new byte[30]];

        Assert.Equal("hi", RevertReason.Decode(data).Message);
    }

    [Fact]
    public void Empty_error_string_is_an_error_with_an_empty_message()
    {
        var reason = RevertReason.Decode(EvmCode.ErrorPayload(""));

        Assert.Equal(RevertReasonKind.Error, reason.Kind);
        Assert.Equal("", reason.Message);
    }

    [Theory]
    [InlineData("08c379a0", "without its offset word")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020", "points past the data")]
    [InlineData("08c379a0" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + "0000000000000000000000000000000000000000000000000000000000000001", "points past the data")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "8000000000000000000000000000000000000000000000000000000000000000", "exceeds")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000005" + "6869", "exceeds")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000002" + "c328" + "000000000000000000000000000000000000000000000000000000000000", "not valid UTF-8")]
    [InlineData("4e487b71" + "0011", "without its code word")]
    [InlineData("08c3", "shorter than a 4-byte selector")]
    public void Malformed_revert_data_is_undecodable_and_keeps_the_raw_bytes(string hex, string why)
    {
        var data = Hex.Decode(hex);

        var reason = RevertReason.Decode(data);

        Assert.Equal(RevertReasonKind.Undecodable, reason.Kind);
        Assert.Contains(why, reason.Description, StringComparison.Ordinal);
        Assert.Equal(data, reason.Data.ToArray());
        Assert.Null(reason.Message);
    }

    [Fact]
    public void Selector_alone_is_a_custom_error_without_arguments()
    {
        var reason = RevertReason.Decode(EvmCode.Selector("Unauthorized()"));

        Assert.Equal(RevertReasonKind.CustomError, reason.Kind);
        Assert.True(reason.Arguments.IsEmpty);
    }

    [Fact]
    public void Random_bytes_after_the_known_selectors_never_throw()
    {
        var random = new Random(20240611);
        foreach (var selector in (string[])["08c379a0", "4e487b71", "deadbeef"])
        {
            for (var i = 0; i < 3000; i++)
            {
                var tail = new byte[random.Next(0, 160)];
                random.NextBytes(tail);
                // Small offsets and lengths in the head words reach the deeper branches of the decoder.
                if (tail.Length >= 64 && random.Next(2) == 0)
                {
                    Array.Clear(tail, 0, 31);
                    Array.Clear(tail, 32, 31);
                    tail[31] = (byte)random.Next(0, 100);
                    tail[63] = (byte)random.Next(0, 100);
                }
                byte[] data = [.. Hex.Decode(selector), .. tail];

                var reason = RevertReason.Decode(data);

                Assert.Equal(data, reason.Data.ToArray());
                Assert.False(string.IsNullOrEmpty(reason.Description));
            }
        }
    }
}
