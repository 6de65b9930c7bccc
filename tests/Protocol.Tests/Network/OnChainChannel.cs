using Photon.Ethereum;

namespace Photon.Protocol.Tests.Network;

/// <summary>A channel as the simulated TokenNetwork holds it: participants, settle timeout and deposits (no withdrawals are simulated).</summary>
internal sealed record OnChainChannel(UInt256 ChannelId, Address Participant1, Address Participant2, ulong SettleTimeout, UInt256 Deposit1, UInt256 Deposit2, ulong OpenedBlock)
{
    public UInt256 DepositOf(Address participant) =>
        participant == Participant1 ? Deposit1
        : participant == Participant2 ? Deposit2
        : throw new ArgumentException($"{participant} is not in channel {ChannelId}", nameof(participant));
}
