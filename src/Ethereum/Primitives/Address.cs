using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum;

/// <summary>
/// A 20-byte Ethereum account address. Text form is EIP-55 mixed-case checksum. Parsing
/// accepts all-lowercase and all-uppercase digits (no checksum) and mixed case only when the
/// checksum is right, because a wrong mixed-case address is almost always a typo.
/// </summary>
[JsonConverter(typeof(AddressJsonConverter))]
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Length = 20;

    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    public static readonly Address Zero;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"an address needs exactly 20 bytes, got {bytes.Length}", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    public bool IsZero => (_w0 | _w1 | _w2) == 0;

    /// <summary>The address of an uncompressed public key: the last 20 bytes of keccak256(x ‖ y).</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        // Accept the 65-byte SEC1 form (0x04 ‖ x ‖ y) as well as the bare 64 bytes.
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
            publicKey = publicKey[1..];
        if (publicKey.Length != 64)
            throw new ArgumentException($"an uncompressed public key has 64 bytes (or 65 with 0x04), got {publicKey.Length}", nameof(publicKey));
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey, hash);
        return new Address(hash[12..]);
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _w2);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>
    /// Parses 40 hex digits with an optional <c>0x</c>. Throws <see cref="HexFormatException"/> for
    /// malformed text and <see cref="AddressChecksumException"/> for a wrong mixed-case checksum.
    /// </summary>
    public static Address Parse(string text)
    {
        var bytes = Hex.Decode(text, Length);
        var digits = Hex.StripPrefix(text);
        var hasLower = digits.IndexOfAnyInRange('a', 'f') >= 0;
        var hasUpper = digits.IndexOfAnyInRange('A', 'F') >= 0;
        var address = new Address(bytes);
        if (hasLower && hasUpper && !digits.SequenceEqual(address.ToString().AsSpan(2)))
            throw new AddressChecksumException($"'{text}' has a wrong EIP-55 checksum; did you mean {address}?");
        return address;
    }

    public static bool TryParse(string? text, out Address address)
    {
        address = default;
        if (text is null)
            return false;
        try
        {
            address = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Lowercase hex without checksum, e.g. for database keys and keystore files.</summary>
    public string ToLowerHex(bool prefix = true)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Hex.Encode(bytes, prefix);
    }

    /// <summary>EIP-55: a hex letter is uppercase when the matching nibble of keccak256(lowercase hex) is ≥ 8.</summary>
    public override string ToString()
    {
        var lower = ToLowerHex(prefix: false);
        Span<byte> hash = stackalloc byte[32];
        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
            ascii[i] = (byte)lower[i];
        Keccak256.Hash(ascii, hash);
        Span<char> chars = stackalloc char[42];
        chars[0] = '0';
        chars[1] = 'x';
        for (var i = 0; i < 40; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            var c = lower[i];
            chars[2 + i] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
        }
        return new string(chars);
    }

    public bool Equals(Address other) => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2;

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    /// <summary>Orders as unsigned big-endian integers, as Solidity compares <c>address</c>.</summary>
    public int CompareTo(Address other)
    {
        var c = _w0.CompareTo(other._w0);
        if (c != 0)
            return c;
        c = _w1.CompareTo(other._w1);
        return c != 0 ? c : _w2.CompareTo(other._w2);
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
}

public sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected an address string, got {reader.TokenType}");
        try
        {
            return Address.Parse(reader.GetString()!);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
