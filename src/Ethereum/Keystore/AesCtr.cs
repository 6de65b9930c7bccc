using System.Security.Cryptography;

namespace Photon.Ethereum.Keystore;

/// <summary>AES-CTR with a 128-bit big-endian counter that wraps (a keystore IV may be all 0xff).</summary>
internal static class AesCtr
{
    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var counter = iv.ToArray();
        var output = new byte[input.Length];
        Span<byte> keystream = stackalloc byte[16];
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            aes.EncryptEcb(counter, keystream, PaddingMode.None);
            var n = Math.Min(16, input.Length - offset);
            for (var i = 0; i < n; i++)
                output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            for (var i = 15; i >= 0 && ++counter[i] == 0; i--)
            {
                // Carry into the next byte; a full wrap leaves the counter at zero.
            }
        }
        return output;
    }
}
