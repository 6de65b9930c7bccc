using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Photon.Relay.Crypto;

/// <summary>
/// The 16 random bytes at the start of an envelope's plaintext. The sender draws a new one for
/// every envelope; a relay that delivers the same envelope twice delivers the same id, which is
/// how a receiver drops redeliveries (docs/relay.md, delivery guarantees).
/// </summary>
public readonly record struct EnvelopeId(UInt128 Value)
{
    public const int Length = 16;

    /// <summary>A fresh id from the operating system's cryptographic random number generator.</summary>
    public static EnvelopeId New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        return Read(bytes);
    }

    /// <summary>Reads the first 16 bytes, big-endian.</summary>
    public static EnvelopeId Read(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt128BigEndian(bytes));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt128BigEndian(destination, Value);

    public override string ToString() => Value.ToString("x32");
}
