using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// A signed balance proof together with the values behind its balance hash: closing and updating
/// need the proof and the signature, settling needs the transferred amount and the locksroot.
/// </summary>
public sealed record DisputeProof(BalanceProof Proof, Signature Signature, UInt256 TransferredAmount, Hash256 Locksroot)
{
    public Hash256 BalanceHash => Proof.BalanceHash;

    public UInt256 Nonce => Proof.Nonce;

    public Hash256 AdditionalHash => Proof.AdditionalHash;

    /// <summary><paramref name="signer"/>'s proof for its partner, signed in its network's domain.</summary>
    public static DisputeProof Sign(
        Party signer, UInt256 channelId, UInt256 transferredAmount, UInt256 nonce, Hash256 locksroot = default, Hash256 additionalHash = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var proof = new BalanceProof(channelId, Photon.Contracts.Locks.BalanceHash.Compute(transferredAmount, locksroot), nonce, additionalHash);
        return new DisputeProof(proof, signer.Sign(proof), transferredAmount, locksroot);
    }
}
