using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Protocol.Negotiation;

/// <summary>
/// A Withdraw being negotiated in a channel: who withdraws, the new total, the last block at which
/// setTotalWithdraw accepts it, and the signatures so far.
/// </summary>
/// <remarks>
/// Invariant while the negotiation exists: the withdrawer's <c>ChannelEnd.TotalWithdraw</c> is already
/// <see cref="TotalWithdraw"/> (the amount is reserved, so no balance proof can spend what the withdraw
/// may still take out), and <see cref="OnChainTotalWithdraw"/> is what it returns to should the
/// negotiation expire unused. One negotiation per channel, in either direction.
/// </remarks>
/// <param name="Participant">The one withdrawing.</param>
/// <param name="TotalWithdraw">Its new total withdrawal.</param>
/// <param name="ExpirationBlock">The last block at which setTotalWithdraw accepts the signatures.</param>
/// <param name="ParticipantSignature">The withdrawer's signature over the Withdraw.</param>
/// <param name="PartnerSignature">The other participant's signature, once given.</param>
/// <param name="OnChainTotalWithdraw">The withdrawer's total withdrawal on chain when the negotiation began.</param>
/// <param name="MessageId">
/// The id of the message this node sent for it (our request, or our confirmation of the partner's):
/// once the withdraw lands or expires the message has no use, so it leaves the outbox.
/// </param>
public sealed record WithdrawState(
    Address Participant,
    UInt256 TotalWithdraw,
    ulong ExpirationBlock,
    Signature? ParticipantSignature,
    Signature? PartnerSignature,
    UInt256 OnChainTotalWithdraw,
    ulong MessageId)
{
    /// <summary>The EIP-712 Withdraw both participants sign.</summary>
    public WithdrawProof ToProof(UInt256 channelId) => new(channelId, Participant, TotalWithdraw, ExpirationBlock);

    /// <summary>True while setTotalWithdraw can still accept it: up to and including the expiration block.</summary>
    public bool IsUsableAt(ulong block) => block <= ExpirationBlock;
}
