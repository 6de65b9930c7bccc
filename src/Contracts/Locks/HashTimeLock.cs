using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Locks;

/// <summary>
/// A hash-time lock (DESIGN.md §5): <c>Amount</c> becomes the payee's once the secret whose sha256
/// is <c>SecretHash</c> is registered on-chain at a block ≤ <c>Expiration</c>.
/// </summary>
public sealed record HashTimeLock(UInt256 Expiration, UInt256 Amount, Hash256 SecretHash)
{
    /// <summary>abi.encode of three 32-byte words.</summary>
    public const int EncodedLength = 96;

    /// <summary>keccak256(abi.encode(expiration, amount, secretHash)): the leaf of the locks Merkle tree.</summary>
    public Hash256 LockHash
    {
        get
        {
            Span<byte> encoded = stackalloc byte[EncodedLength];
            WriteTo(encoded);
            return Keccak256.Hash(encoded);
        }
    }

    /// <summary>abi.encode(uint256 expiration, uint256 amount, bytes32 secretHash): 96 bytes.</summary>
    public byte[] Encode()
    {
        var encoded = new byte[EncodedLength];
        WriteTo(encoded);
        return encoded;
    }

    /// <summary>Writes the 96-byte encoding to the start of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedLength)
            throw new ArgumentException($"a lock encodes to {EncodedLength} bytes, the destination has {destination.Length}", nameof(destination));
        Expiration.WriteBigEndian(destination);
        Amount.WriteBigEndian(destination[32..]);
        SecretHash.WriteTo(destination[64..]);
    }
}
