using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum;

/// <summary>
/// 32 bytes: a Keccak-256 digest, a storage word, a <c>bytes32</c>. Held as four big-endian
/// 64-bit words so that equality and hashing are cheap and the type never allocates.
/// Text form: <c>0x</c> and 64 lowercase hex digits.
/// </summary>
[JsonConverter(typeof(Hash256JsonConverter))]
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Length = 32;

    private readonly ulong _w0, _w1, _w2, _w3;

    public static readonly Hash256 Zero;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"a 32-byte hash needs exactly 32 bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Parses <c>0x</c> + 64 hex digits (prefix optional).</summary>
    public static Hash256 Parse(string text) => new(Hex.Decode(text, Length));

    public static bool TryParse(string? text, out Hash256 hash)
    {
        hash = default;
        if (!Hex.TryDecode(text, out var bytes) || bytes.Length != Length)
            return false;
        hash = new Hash256(bytes);
        return true;
    }

    public bool Equals(Hash256 other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>Orders as unsigned big-endian integers (the order of <c>min</c>/<c>max</c> in Solidity).</summary>
    public int CompareTo(Hash256 other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
            return c;
        c = _w1.CompareTo(other._w1);
        if (c != 0)
            return c;
        c = _w2.CompareTo(other._w2);
        return c != 0 ? c : _w3.CompareTo(other._w3);
    }

    public static bool operator ==(Hash256 left, Hash256 right) => left.Equals(right);
    public static bool operator !=(Hash256 left, Hash256 right) => !left.Equals(right);
    public static bool operator <(Hash256 left, Hash256 right) => left.CompareTo(right) < 0;
    public static bool operator >(Hash256 left, Hash256 right) => left.CompareTo(right) > 0;
    public static bool operator <=(Hash256 left, Hash256 right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Hash256 left, Hash256 right) => left.CompareTo(right) >= 0;

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }
}

public sealed class Hash256JsonConverter : JsonConverter<Hash256>
{
    public override Hash256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Hash256.TryParse(text, out var hash)
            ? hash
            : throw new JsonException($"expected a 32-byte hex string, got {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, Hash256 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
