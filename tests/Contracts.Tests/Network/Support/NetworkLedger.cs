using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// Audits a TokenNetwork from the chain alone: every channel id ever handed out (1..channelCounter)
/// is read, and every recipient ever named in a <see cref="PayoutDeferred"/> event; the network's
/// token balance must equal what its live channels hold plus what it keeps for those recipients.
/// Independent of which test opened which channel, so it holds whatever else ran on the network.
/// </summary>
public static class NetworkLedger
{
    public static async Task<NetworkLedgerTotals> ReadAsync(TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var reader = setup.Reader;
        var counter = (ulong)await reader.ChannelCounterAsync();
        var holdings = UInt256.Zero;
        var liveChannels = 0;
        for (ulong id = 1; id <= counter; id++)
        {
            var info = await reader.GetChannelInfoAsync(id);
            if (info.State is not (ChannelState.Opened or ChannelState.Closed))
                continue;
            liveChannels++;
            var p1 = await reader.GetParticipantInfoAsync(id, info.Participant1);
            var p2 = await reader.GetParticipantInfoAsync(id, info.Participant2);
            // Summed before subtracting: one side may withdraw more than it deposited (out of its partner's deposit).
            holdings += p1.Deposit + p2.Deposit - p1.Withdrawn - p2.Withdrawn;
        }
        var recipients = (await reader.GetEventsAsync(BlockParameter.Earliest, BlockParameter.Latest))
            .OfType<PayoutDeferred>()
            .Select(e => e.Recipient)
            .Distinct()
            .ToList();
        var deferred = UInt256.Zero;
        foreach (var recipient in recipients)
            deferred += await reader.DeferredPayoutAsync(recipient);
        return new NetworkLedgerTotals(await setup.TokenBalanceAsync(setup.Network), holdings, deferred, liveChannels);
    }

    /// <summary>Asserts balance = Σ live holdings + Σ deferred payouts; returns the figures.</summary>
    public static async Task<NetworkLedgerTotals> AssertSolventAsync(TokenNetworkSetup setup, string? afterWhat = null)
    {
        var totals = await ReadAsync(setup);
        Assert.True(
            totals.Balance == totals.Holdings + totals.Deferred,
            $"{(afterWhat is null ? "" : $"after {afterWhat}: ")}network {setup.Network} holds {totals.Balance} tokens, but its {totals.LiveChannels} live channels hold {totals.Holdings} and it keeps {totals.Deferred} in deferred payouts");
        return totals;
    }

    /// <summary>Solvent with nothing deferred: the network holds exactly what its channels hold.</summary>
    public static async Task AssertBalancedAsync(TokenNetworkSetup setup, string afterWhat)
    {
        var totals = await AssertSolventAsync(setup, afterWhat);
        Assert.True(totals.Deferred.IsZero, $"after {afterWhat}: {totals.Deferred} tokens are deferred, none expected");
    }
}
