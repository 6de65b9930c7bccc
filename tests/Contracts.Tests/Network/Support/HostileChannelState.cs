using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// Everything a channel is on chain, with its participants' token balances: two readings compare
/// equal exactly when neither the channel nor its participants' wallets changed.
/// </summary>
public sealed record HostileChannelState(
    ChannelInfo Info,
    ParticipantInfo Participant1,
    ParticipantInfo Participant2,
    UInt256 Balance1,
    UInt256 Balance2)
{
    public static async Task<HostileChannelState> ReadAsync(TokenNetworkSetup setup, UInt256 channelId, Address participant1, Address participant2)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var reader = setup.Reader;
        return new HostileChannelState(
            await reader.GetChannelInfoAsync(channelId),
            await reader.GetParticipantInfoAsync(channelId, participant1),
            await reader.GetParticipantInfoAsync(channelId, participant2),
            await setup.TokenBalanceAsync(participant1),
            await setup.TokenBalanceAsync(participant2));
    }
}
