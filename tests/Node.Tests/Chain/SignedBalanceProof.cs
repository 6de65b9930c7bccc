using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Node.Tests.Chain;

/// <summary>A signed balance proof with what is behind its balance hash (settling needs the transferred amount and locksroot).</summary>
public sealed record SignedBalanceProof(BalanceProof Proof, Signature Signature, UInt256 TransferredAmount, LocksMerkleTree Tree)
{
    public Hash256 BalanceHash => Proof.BalanceHash;

    public ulong Nonce => (ulong)Proof.Nonce;

    public Hash256 AdditionalHash => Proof.AdditionalHash;

    public Hash256 Locksroot => Tree.Root;
}
