using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>The network's books: what its live channels hold, to compare with the tokens it actually has.</summary>
public static class LifecycleLedger
{
    /// <summary>
    /// Σ over every channel id handed out (1..channelCounter) that is still opened or closed of
    /// deposits − withdrawals of both participants. Settled ids hold nothing: their storage is gone.
    /// </summary>
    public static async Task<UInt256> HeldByChannelsAsync(TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var reader = setup.Reader;
        var counter = (ulong)await reader.ChannelCounterAsync();
        var held = UInt256.Zero;
        for (ulong id = 1; id <= counter; id++)
        {
            var info = await reader.GetChannelInfoAsync(id);
            if (info.State is not (ChannelState.Opened or ChannelState.Closed))
                continue;
            foreach (var participant in new[] { info.Participant1, info.Participant2 })
            {
                var record = await reader.GetParticipantInfoAsync(id, participant);
                held = held + record.Deposit - record.Withdrawn;
            }
        }
        return held;
    }

    /// <summary>Asserts that the network holds exactly what its channels hold (no deferred payouts in these flows).</summary>
    public static async Task AssertBalancedAsync(TokenNetworkSetup setup, string afterWhat)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var held = await HeldByChannelsAsync(setup);
        var balance = await setup.TokenBalanceAsync(setup.Network);
        Assert.True(held == balance, $"after {afterWhat}: the network has {balance} tokens, its channels hold {held}");
    }
}
