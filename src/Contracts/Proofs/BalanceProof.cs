using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// A sender's latest off-chain state in a channel, signed for the partner, who can close with it or
/// update a close with it. <c>BalanceHash</c> commits to the transferred amount and the locksroot;
/// <c>Nonce</c> rises by one with every new proof; <c>AdditionalHash</c> is the keccak256 of the message
/// that carried the proof.
/// </summary>
public sealed record BalanceProof(UInt256 ChannelId, Hash256 BalanceHash, UInt256 Nonce, Hash256 AdditionalHash) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "BalanceProof(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(BalanceHash).Add(Nonce).Add(AdditionalHash).Finish();
}
