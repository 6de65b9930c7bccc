using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum;

/// <summary>
/// A recoverable secp256k1 signature in Ethereum's 65-byte form <c>r ‖ s ‖ v</c> with
/// <c>v</c> ∈ {27, 28}. Parsing checks the form; the secp256k1 recovery additionally
/// refuses high <c>s</c> on recovery (EIP-2), so every accepted signature has one encoding.
/// </summary>
[JsonConverter(typeof(SignatureJsonConverter))]
public readonly struct Signature : IEquatable<Signature>
{
    public const int Length = 65;

    /// <summary>The order n of the secp256k1 group.</summary>
    public static readonly UInt256 CurveOrder =
        UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    /// <summary>⌊n / 2⌋: the largest <c>s</c> accepted (EIP-2).</summary>
    public static readonly UInt256 HalfCurveOrder =
        UInt256.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    public UInt256 R { get; }
    public UInt256 S { get; }

    /// <summary>27 or 28.</summary>
    public byte V { get; }

    /// <summary>Creates a signature, checking 1 ≤ r, s &lt; n and v ∈ {27, 28}.</summary>
    public Signature(UInt256 r, UInt256 s, byte v)
    {
        if (v is not (27 or 28))
            throw new InvalidSignatureException($"signature v must be 27 or 28, got {v}");
        if (r.IsZero || r >= CurveOrder)
            throw new InvalidSignatureException("signature r is out of range [1, n-1]");
        if (s.IsZero || s >= CurveOrder)
            throw new InvalidSignatureException("signature s is out of range [1, n-1]");
        R = r;
        S = s;
        V = v;
    }

    /// <summary>The recovery id 0 or 1 (the parity of the nonce point's y).</summary>
    public int RecoveryId => V - 27;

    /// <summary>True when s ≤ n/2, the only form Ethereum (and this library) accepts.</summary>
    public bool IsLowS => S <= HalfCurveOrder;

    public static Signature FromRecoveryId(UInt256 r, UInt256 s, int recoveryId) =>
        recoveryId is 0 or 1
            ? new Signature(r, s, (byte)(27 + recoveryId))
            : throw new InvalidSignatureException($"recovery id must be 0 or 1, got {recoveryId}");

    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new InvalidSignatureException($"a signature has 65 bytes (r ‖ s ‖ v), got {bytes.Length}");
        return new Signature(UInt256.FromBigEndian(bytes[..32]), UInt256.FromBigEndian(bytes[32..64]), bytes[64]);
    }

    public static Signature Parse(string hex)
    {
        try
        {
            return FromBytes(Hex.Decode(hex));
        }
        catch (HexFormatException e)
        {
            throw new InvalidSignatureException($"signature is not hex: {e.Message}");
        }
    }

    public void WriteTo(Span<byte> destination)
    {
        R.WriteBigEndian(destination);
        S.WriteBigEndian(destination[32..]);
        destination[64] = V;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => Hex.Encode(ToBytes());

    public bool Equals(Signature other) => R == other.R && S == other.S && V == other.V;
    public override bool Equals(object? obj) => obj is Signature other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(R, S, V);
    public static bool operator ==(Signature left, Signature right) => left.Equals(right);
    public static bool operator !=(Signature left, Signature right) => !left.Equals(right);
}

public sealed class SignatureJsonConverter : JsonConverter<Signature>
{
    public override Signature Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a 65-byte hex signature, got {reader.TokenType}");
        try
        {
            return Signature.Parse(reader.GetString()!);
        }
        catch (InvalidSignatureException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Signature value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
