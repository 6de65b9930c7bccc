using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// Everything a refused dispute call must leave as it was: the channel, both participants' records,
/// the pair's channel id, and the token balances of the participants, the network and any other
/// account involved (monitors, third parties).
/// </summary>
public sealed record DisputeSnapshot(
    ChannelInfo Channel,
    ParticipantInfo Participant1,
    ParticipantInfo Participant2,
    UInt256 PairChannelId,
    IReadOnlyList<(Address Account, UInt256 Balance)> Balances)
{
    public static async Task<DisputeSnapshot> CaptureAsync(DisputeChannel channel, params Address[] others)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var reader = channel.Setup.Reader;
        Address[] accounts = [channel.Participant1.Address, channel.Participant2.Address, channel.Setup.Network, .. others];
        var balances = new List<(Address, UInt256)>();
        foreach (var account in accounts)
            balances.Add((account, await channel.Setup.TokenBalanceAsync(account)));
        return new DisputeSnapshot(
            await reader.GetChannelInfoAsync(channel.Id),
            await reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address),
            await reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address),
            await reader.GetChannelIdentifierAsync(channel.Participant1.Address, channel.Participant2.Address),
            balances);
    }

    /// <summary>Asserts that a fresh capture of the same accounts equals this one.</summary>
    public async Task AssertUnchangedAsync(DisputeChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var now = await CaptureAsync(channel, [.. Balances.Skip(3).Select(b => b.Account)]);
        Assert.Equal(Channel, now.Channel);
        Assert.Equal(Participant1, now.Participant1);
        Assert.Equal(Participant2, now.Participant2);
        Assert.Equal(PairChannelId, now.PairChannelId);
        Assert.Equal(Balances, now.Balances);
    }
}
