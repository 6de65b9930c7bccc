using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Locks;

/// <summary>What a balance proof commits to, so that a monitor sees the hash and never the amounts.</summary>
public static class BalanceHash
{
    /// <summary>
    /// keccak256(abi.encode(uint256 transferredAmount, bytes32 locksroot)), and <see cref="Hash256.Zero"/>
    /// when both are zero: a participant who never received a balance proof closes with all zeros,
    /// and the contract stores exactly that.
    /// </summary>
    public static Hash256 Compute(UInt256 transferredAmount, Hash256 locksroot)
    {
        if (transferredAmount.IsZero && locksroot.IsZero)
            return Hash256.Zero;
        Span<byte> encoded = stackalloc byte[64];
        transferredAmount.WriteBigEndian(encoded);
        locksroot.WriteTo(encoded[32..]);
        return Keccak256.Hash(encoded);
    }
}
