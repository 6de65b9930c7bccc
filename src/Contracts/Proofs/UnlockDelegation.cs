using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// The payee's permission for <c>Delegate</c> to unlock the lock <c>LockHash</c> on its behalf
/// (unlockDelegate) while the payee is offline.
/// </summary>
public sealed record UnlockDelegation(UInt256 ChannelId, Address Delegate, Hash256 LockHash) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "UnlockDelegation(uint256 channelId,address delegate,bytes32 lockHash)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(Delegate).Add(LockHash).Finish();
}
