using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>A balance proof one side signed off-chain (no locks: the locksroot is zero).</summary>
internal sealed record ModelProof(BalanceProof Proof, Signature Signature, UInt256 Transferred)
{
    public ulong Nonce => (ulong)Proof.Nonce;

    public Hash256 BalanceHash => Proof.BalanceHash;

    public static ModelProof Sign(Party signer, UInt256 channelId, UInt256 transferred, ulong nonce, Hash256 additionalHash)
    {
        var proof = new BalanceProof(channelId, Photon.Contracts.Locks.BalanceHash.Compute(transferred, Hash256.Zero), nonce, additionalHash);
        return new ModelProof(proof, signer.Sign(proof), transferred);
    }

    public override string ToString() => $"proof(nonce {Nonce}, transferred {Transferred})";
}
