using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Channels;

/// <summary>
/// A channel as the TokenNetwork stored it at one block: its info and both participants'
/// records, read at the same block so they are consistent with each other.
/// </summary>
public sealed record OnChainChannel(
    Address TokenNetwork,
    UInt256 ChannelId,
    ulong Block,
    ChannelInfo Info,
    ParticipantInfo Participant1,
    ParticipantInfo Participant2)
{
    public ChannelState State => Info.State;

    /// <summary>What the channel holds: deposits minus withdrawals of both sides (zero once settled).</summary>
    public UInt256 Holdings => Participant1.Deposit + Participant2.Deposit - Participant1.Withdrawn - Participant2.Withdrawn;

    /// <summary>The participant that closed the channel; null while opened (and once settled).</summary>
    public Address? Closer =>
        State != ChannelState.Closed ? null
        : Participant1.IsCloser ? Info.Participant1
        : Info.Participant2;

    public bool IsParticipant(Address account) =>
        State is ChannelState.Opened or ChannelState.Closed && (account == Info.Participant1 || account == Info.Participant2);

    /// <summary>The stored record of <paramref name="participant"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="participant"/> is not in the channel.</exception>
    public ParticipantInfo Of(Address participant) =>
        !IsParticipant(participant) ? throw NotInChannel(participant)
        : participant == Info.Participant1 ? Participant1
        : Participant2;

    /// <summary>The partner of <paramref name="participant"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="participant"/> is not in the channel.</exception>
    public Address PartnerOf(Address participant) =>
        !IsParticipant(participant) ? throw NotInChannel(participant)
        : participant == Info.Participant1 ? Info.Participant2
        : Info.Participant1;

    private ArgumentException NotInChannel(Address account) =>
        new($"{account} is not a participant of channel {ChannelId} of {TokenNetwork} ({State} at block {Block})", nameof(account));
}
