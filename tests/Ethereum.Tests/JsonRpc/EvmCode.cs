using System.Text;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// Hand-assembled EVM code for RPC tests (no compiler, no signing needed): init code that reverts
/// with given bytes, and a tiny contract that emits LOG2 on every call.
/// </summary>
internal static class EvmCode
{
    /// <summary>Init code: CODECOPY the payload (appended after the 14-byte header) to memory 0 and REVERT with it.</summary>
    public static byte[] RevertingInitCode(ReadOnlySpan<byte> payload) => CopyAndExit(payload, exitOpcode: 0xfd);

    /// <summary>Init code that deploys <paramref name="runtime"/> (CODECOPY + RETURN).</summary>
    public static byte[] DeployingInitCode(ReadOnlySpan<byte> runtime) => CopyAndExit(runtime, exitOpcode: 0xf3);

    /// <summary>
    /// Runtime code: on any call, LOG2(data = calldata, topic0 = <paramref name="topic0"/>,
    /// topic1 = the caller left-padded to 32 bytes), then STOP.
    /// </summary>
    public static byte[] Log2Runtime(Hash256 topic0)
    {
        var code = new List<byte>
        {
            0x36, // CALLDATASIZE            size
            0x60, 0x00, // PUSH1 0           offset in calldata
            0x60, 0x00, // PUSH1 0           memory destination
            0x37, // CALLDATACOPY
            0x33, // CALLER                  topic1
            0x7f, // PUSH32 topic0
        };
        code.AddRange(topic0.ToArray());
        code.AddRange(
        [
            0x36, // CALLDATASIZE            size
            0x60, 0x00, // PUSH1 0           memory offset
            0xa2, // LOG2(offset, size, topic0, topic1)
            0x00, // STOP
        ]);
        return [.. code];
    }

    /// <summary>ABI encoding of <c>Error(string)</c> as Solidity's revert("…") produces it.</summary>
    public static byte[] ErrorPayload(string message)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var padded = (text.Length + 31) / 32 * 32;
        var payload = new byte[4 + 32 + 32 + padded];
        Hex.Decode("08c379a0").CopyTo(payload, 0);
        Word(32).CopyTo(payload, 4);
        Word((ulong)text.Length).CopyTo(payload, 36);
        text.CopyTo(payload, 68);
        return payload;
    }

    /// <summary>ABI encoding of <c>Panic(uint256)</c>.</summary>
    public static byte[] PanicPayload(ulong code) => [.. Hex.Decode("4e487b71"), .. Word(code)];

    /// <summary>A custom error: the first 4 bytes of keccak256(signature), then the static arguments as words.</summary>
    public static byte[] CustomErrorPayload(string signature, params ulong[] arguments)
    {
        var payload = new List<byte>(Selector(signature));
        foreach (var argument in arguments)
            payload.AddRange(Word(argument));
        return [.. payload];
    }

    public static byte[] Selector(string signature) => Keccak256.Hash(Encoding.ASCII.GetBytes(signature)).ToArray()[..4];

    public static byte[] Word(UInt256 value) => value.ToBigEndian();

    /// <summary>An address as a 32-byte topic (left-padded with zeros).</summary>
    public static Hash256 AddressTopic(Address address) => new([.. new byte[12], .. address.ToArray()]);

    private static byte[] CopyAndExit(ReadOnlySpan<byte> payload, byte exitOpcode)
    {
        const int headerLength = 14;
        if (payload.Length > 0xffff)
            throw new ArgumentException("payload too long for a PUSH2 length", nameof(payload));
        var lengthHi = (byte)(payload.Length >> 8);
        var lengthLo = (byte)payload.Length;
        byte[] header =
        [
            0x61, lengthHi, lengthLo, // PUSH2 length        size
            0x60, headerLength, //       PUSH1 14            offset in code
            0x60, 0x00, //               PUSH1 0             memory destination
            0x39, //                     CODECOPY
            0x61, lengthHi, lengthLo, // PUSH2 length        size
            0x60, 0x00, //               PUSH1 0             memory offset
            exitOpcode, //               REVERT or RETURN
        ];
        return [.. header, .. payload];
    }
}
