using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// EIP-712 type <c>CooperativeSettle</c>: both participants agree to end the channel at once with these
/// final balances; cooperativeSettle needs both signatures.
/// </summary>
public sealed record CooperativeSettleProof(UInt256 ChannelId, Address Participant1, UInt256 Balance1, Address Participant2, UInt256 Balance2) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "CooperativeSettle(uint256 channelId,address participant1,uint256 balance1,address participant2,uint256 balance2)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(Participant1).Add(Balance1).Add(Participant2).Add(Balance2).Finish();
}
