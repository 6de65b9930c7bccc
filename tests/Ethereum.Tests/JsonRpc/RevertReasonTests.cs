using System.Text;
using Photon.Ethereum.Abi;
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
    [InlineData("08c379a0", "malformed Error(string)")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020", "malformed Error(string)")]
    [InlineData("08c379a0" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" + "0000000000000000000000000000000000000000000000000000000000000001", "malformed Error(string)")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "8000000000000000000000000000000000000000000000000000000000000000", "malformed Error(string)")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000005" + "6869", "malformed Error(string)")]
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000002" + "c328" + "000000000000000000000000000000000000000000000000000000000000", "malformed Error(string)")]
    // "hi" with a non-zero byte in its padding: the lenient decoder this replaced accepted it.
    [InlineData("08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020" + "0000000000000000000000000000000000000000000000000000000000000002" + "6869" + "000000000000000000000000000000000000000000000000000000000001", "malformed Error(string)")]
    [InlineData("4e487b71" + "0011", "malformed Panic(uint256)")]
    public void Malformed_revert_data_is_undecodable_keeps_the_raw_bytes_and_agrees_with_the_abi_decoder(string hex, string why)
    {
        var data = Hex.Decode(hex);

        var reason = RevertReason.Decode(data);

        Assert.Equal(RevertReasonKind.Undecodable, reason.Kind);
        Assert.Contains(why, reason.Description, StringComparison.Ordinal);
        Assert.Equal(data, reason.Data.ToArray());
        Assert.Null(reason.Message);
        Assert.Null(reason.PanicCode);
        Assert.Throws<AbiException>(() => new ContractAbi([], [], []).DecodeError(data));
    }

    [Fact]
    public void Data_shorter_than_a_selector_is_undecodable()
    {
        var reason = RevertReason.Decode(Hex.Decode("08c3"));

        Assert.Equal(RevertReasonKind.Undecodable, reason.Kind);
        Assert.Contains("shorter than a 4-byte selector", reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Revert_string_cannot_forge_log_lines_but_is_kept_exactly()
    {
        const string hostile = "ok\n2024-01-01 INFO channel settled\u001b[31m\u0085";

        var reason = RevertReason.Decode(EvmCode.ErrorPayload(hostile));
        var exception = new ExecutionRevertedException(3, "execution reverted: " + hostile, null, EvmCode.ErrorPayload(hostile));

        Assert.Equal(hostile, reason.Message);
        Assert.Equal(hostile, exception.Reason.Message);
        Assert.Equal("execution reverted: " + hostile, exception.RpcMessage);
        HostileResponseTests.AssertPrintable(reason.Description);
        HostileResponseTests.AssertPrintable(reason.ToString());
        HostileResponseTests.AssertPrintable(exception.Message);
        Assert.Contains("ok\\u000a2024-01-01 INFO channel settled\\u001b[31m", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_revert_string_is_shortened_in_the_description_only()
    {
        var message = new string('r', 10_000);

        var reason = RevertReason.Decode(EvmCode.ErrorPayload(message));

        Assert.Equal(message, reason.Message);
        Assert.True(reason.Description.Length <= 200, $"{reason.Description.Length} characters");
    }

    [Fact]
    public void Selector_alone_is_a_custom_error_without_arguments()
    {
        var reason = RevertReason.Decode(EvmCode.Selector("Unauthorized()"));

        Assert.Equal(RevertReasonKind.CustomError, reason.Kind);
        Assert.True(reason.Arguments.IsEmpty);
    }

    [Fact]
    public void Decoding_agrees_with_the_contract_abi_on_random_error_and_panic_payloads()
    {
        var abi = new ContractAbi([], [], []);
        var random = new Random(7);
        var cases = 0;
        for (var i = 0; i < 4000; i++)
        {
            var data = RandomPayload(random, i % 2 == 0 ? "08c379a0" : "4e487b71");
            var reason = RevertReason.Decode(data);
            AbiDecodedError? decoded;
            try
            {
                decoded = abi.DecodeError(data);
            }
            catch (AbiException)
            {
                Assert.Equal(RevertReasonKind.Undecodable, reason.Kind);
                continue;
            }
            cases++;
            if (i % 2 == 0)
                Assert.Equal(decoded!.Values.Get<string>(0), reason.Message);
            else
                Assert.Equal(decoded!.Values.Get<UInt256>(0), reason.PanicCode);
        }
        // The generator must reach valid encodings too, or the agreement would be one-sided.
        Assert.True(cases > 100, $"only {cases} payloads decoded");
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

    // Valid encodings with random text or codes, then sometimes one random byte changed.
    private static byte[] RandomPayload(Random random, string selector)
    {
        byte[] payload;
        if (selector == "08c379a0")
        {
            var text = new byte[random.Next(0, 70)];
            for (var j = 0; j < text.Length; j++)
                text[j] = (byte)random.Next(0x20, 0x7f);
            payload = EvmCode.ErrorPayload(Encoding.ASCII.GetString(text));
        }
        else
        {
            payload = EvmCode.PanicPayload((ulong)random.NextInt64());
        }
        if (random.Next(3) > 0)
        {
            var at = random.Next(4, payload.Length);
            payload[at] = (byte)random.Next(256);
        }
        return payload;
    }
}
