using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Eip712;

/// <summary>The EIP-712 signing digest from a domain separator and a struct hash.</summary>
public static class Eip712Digest
{
    /// <summary>
    /// keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ structHash); when signing the domain itself
    /// (primary type EIP712Domain) there is no struct hash and the digest covers the first 34 bytes.
    /// </summary>
    public static Hash256 Compute(Hash256 domainSeparator, Hash256? structHash)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.WriteTo(buffer[2..]);
        if (structHash is not { } hash)
            return Keccak256.Hash(buffer[..34]);
        hash.WriteTo(buffer[34..]);
        return Keccak256.Hash(buffer);
    }
}
