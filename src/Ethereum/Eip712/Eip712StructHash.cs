using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Eip712;

/// <summary>
/// Builds <c>hashStruct(s) = keccak256(typeHash ‖ encodeData(s))</c> for a struct known at compile
/// time (Photon's proofs), one 32-byte word per member, without JSON or ABI machinery:
/// <c>new Eip712StructHash(typeHash).Add(channelId).Add(balanceHash).Finish()</c>.
/// </summary>
public sealed class Eip712StructHash
{
    private readonly Keccak256 _keccak = new();

    public Eip712StructHash(Hash256 typeHash) => Add(typeHash);

    public Eip712StructHash Add(Hash256 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.WriteTo(bytes);
        _keccak.Append(bytes);
        return this;
    }

    public Eip712StructHash Add(UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteBigEndian(bytes);
        _keccak.Append(bytes);
        return this;
    }

    /// <summary>An address member: left-padded to 32 bytes.</summary>
    public Eip712StructHash Add(Address address)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes[..12].Clear();
        address.WriteTo(bytes[12..]);
        _keccak.Append(bytes);
        return this;
    }

    /// <summary>A <c>string</c> member: its keccak256.</summary>
    public Eip712StructHash AddString(string text) => Add(Keccak256.Hash(text));

    /// <summary>A <c>bytes</c> member: its keccak256.</summary>
    public Eip712StructHash AddBytes(ReadOnlySpan<byte> bytes) => Add(Keccak256.Hash(bytes));

    public Hash256 Finish() => _keccak.Finish();
}
