using System.Buffers;
using System.Text;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// EIP-191 version 0x45, the <c>personal_sign</c> / <c>eth_sign</c> message format: the signed
/// digest is keccak256("\x19Ethereum Signed Message:\n" + decimal byte length + message), which
/// can never be mistaken for the hash of a transaction.
/// </summary>
public static class Eip191
{
    private static ReadOnlySpan<byte> Prefix => "\u0019Ethereum Signed Message:\n"u8;

    /// <summary>Messages up to this size are framed on the stack; longer ones in a pooled buffer.</summary>
    private const int StackLimit = 512;

    public static Hash256 HashMessage(ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[10];
        message.Length.TryFormat(length, out var lengthDigits, provider: System.Globalization.CultureInfo.InvariantCulture);
        var total = Prefix.Length + lengthDigits + message.Length;
        byte[]? rented = null;
        var framed = total <= StackLimit ? stackalloc byte[StackLimit] : rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            Prefix.CopyTo(framed);
            length[..lengthDigits].CopyTo(framed[Prefix.Length..]);
            message.CopyTo(framed[(Prefix.Length + lengthDigits)..]);
            return Keccak256.Hash(framed[..total]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The EIP-191 digest of the UTF-8 bytes of <paramref name="message"/>.</summary>
    public static Hash256 HashMessage(string message) => HashMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>
    /// The address that signed <paramref name="message"/> with <c>personal_sign</c>. Throws
    /// <see cref="InvalidSignatureException"/> for a high-s signature or when no key is recoverable.
    /// </summary>
    public static Address RecoverMessageSigner(ReadOnlySpan<byte> message, Signature signature) =>
        Secp256k1.RecoverAddress(HashMessage(message), signature);

    public static Address RecoverMessageSigner(string message, Signature signature) =>
        RecoverMessageSigner(Encoding.UTF8.GetBytes(message), signature);
}
