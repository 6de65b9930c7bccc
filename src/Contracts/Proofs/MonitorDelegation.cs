using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// The non-closing participant's permission for <c>Monitor</c> (and only it: the contract requires
/// <c>monitor == msg.sender</c>) to submit the partner's balance proof with these fields on its
/// behalf, for <c>Reward</c> paid at settlement out of the delegator's share.
/// </summary>
public sealed record MonitorDelegation(UInt256 ChannelId, Hash256 BalanceHash, UInt256 Nonce, Hash256 AdditionalHash, Address Monitor, UInt256 Reward) : SignedProof
{
    /// <summary>The normative EIP-712 type string (DESIGN.md §5, ProofHashes.sol).</summary>
    public const string TypeString = "MonitorDelegation(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash,address monitor,uint256 reward)";

    public static readonly Hash256 TypeHash = Keccak256.Hash(TypeString);

    public override Hash256 StructHash() => new Eip712StructHash(TypeHash).Add(ChannelId).Add(BalanceHash).Add(Nonce).Add(AdditionalHash).Add(Monitor).Add(Reward).Finish();
}
