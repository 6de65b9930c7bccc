using Google.Protobuf;
using Photon.Ethereum;

namespace Photon.Protocol.Wire;

/// <summary>
/// The field encodings of proto/photon/v1/messages.proto: addresses of 20 bytes, hashes of 32,
/// uint256 as big-endian bytes without leading zeros (zero is empty), signatures of 65.
/// Readers are strict: any other length or a leading zero is an <see cref="InvalidMessageException"/>
/// naming the field, since a lenient reader would let two encodings mean one value.
/// </summary>
public static class WireValues
{
    public static ByteString Encode(UInt256 value) => ByteString.CopyFrom(value.ToMinimalBigEndian());

    public static ByteString Encode(Address address) => ByteString.CopyFrom(address.ToArray());

    public static ByteString Encode(Hash256 hash) => ByteString.CopyFrom(hash.ToArray());

    public static ByteString Encode(Signature signature) => ByteString.CopyFrom(signature.ToBytes());

    public static UInt256 ReadUInt256(ByteString bytes, string field)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var span = bytes.Span;
        if (span.Length > 32)
            throw new InvalidMessageException($"{field}: a uint256 has at most 32 bytes, got {span.Length}");
        if (span.Length > 0 && span[0] == 0)
            throw new InvalidMessageException($"{field}: a uint256 is encoded without leading zero bytes");
        return UInt256.FromBigEndian(span);
    }

    public static Address ReadAddress(ByteString bytes, string field)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Address.Length)
            throw new InvalidMessageException($"{field}: an address has {Address.Length} bytes, got {bytes.Length}");
        return new Address(bytes.Span);
    }

    public static Hash256 ReadHash(ByteString bytes, string field)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Hash256.Length)
            throw new InvalidMessageException($"{field}: a hash has {Hash256.Length} bytes, got {bytes.Length}");
        return new Hash256(bytes.Span);
    }

    /// <summary>A 65-byte r ‖ s ‖ v signature with v ∈ {27, 28} and low s (the contracts' rule).</summary>
    public static Signature ReadSignature(ByteString bytes, string field)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != Signature.Length)
            throw new InvalidMessageException($"{field}: a signature has {Signature.Length} bytes, got {bytes.Length}");
        Signature signature;
        try
        {
            signature = Signature.FromBytes(bytes.Span);
        }
        catch (FormatException e)
        {
            throw new InvalidMessageException($"{field}: {e.Message}", e);
        }
        if (!signature.IsLowS)
            throw new InvalidMessageException($"{field}: a signature must have a low s value");
        return signature;
    }
}
