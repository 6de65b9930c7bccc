using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// EIP-712 type <c>Withdraw</c>: both participants agree that <c>Participant</c> may raise its total
/// withdrawal to <c>TotalWithdraw</c> in any block up to and including <c>ExpirationBlock</c>; setTotalWithdraw needs
/// both signatures.
/// </summary>
public sealed record WithdrawProof(UInt256 ChannelId, Address Participant, UInt256 TotalWithdraw, UInt256 ExpirationBlock) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "Withdraw(uint256 channelId,address participant,uint256 totalWithdraw,uint256 expirationBlock)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(Participant).Add(TotalWithdraw).Add(ExpirationBlock).Finish();
}
