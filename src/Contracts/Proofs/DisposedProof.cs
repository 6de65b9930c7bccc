using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// EIP-712 type <c>Disposed</c>: the signer gave up the lock <c>LockHash</c> (it was removed from its
/// locksroot without being paid). Should the signer still unlock it on-chain, the partner presents this
/// proof to punishObsoleteUnlock and takes the signer's whole share.
/// </summary>
public sealed record DisposedProof(UInt256 ChannelId, Hash256 LockHash, Hash256 AdditionalHash) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "Disposed(uint256 channelId,bytes32 lockHash,bytes32 additionalHash)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(LockHash).Add(AdditionalHash).Finish();
}
