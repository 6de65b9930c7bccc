using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Randomized;

internal sealed partial class RandomSequence
{
    /// <summary>
    /// Reads in one batch everything the model predicts (head, the network's and every actor's token
    /// balance, the channel counter, each pair's live channel, and every channel of the sequence) and
    /// compares; the network's balance must equal Σ over live channels of (deposits − withdrawals),
    /// summed from the chain's own participant records.
    /// </summary>
    private async Task CheckChainAsync()
    {
        var requests = new List<RpcRequest>
        {
            new("eth_blockNumber", []),
            Call(Reader.Address, TokenNetworkContract.EncodeChannelCounter()),
            BalanceOf(_setup.Network),
        };
        requests.AddRange(_actors.Select(a => BalanceOf(a.Address)));
        requests.AddRange(Pairs.Select(p => Call(Reader.Address, TokenNetworkContract.EncodeGetChannelIdentifier(Address(p.A), Address(p.B)))));
        foreach (var channel in _channels)
        {
            requests.Add(Call(Reader.Address, TokenNetworkContract.EncodeGetChannelInfo(channel.Id)));
            requests.Add(Call(Reader.Address, TokenNetworkContract.EncodeGetParticipantInfo(channel.Id, Address(channel.Actors[0]))));
            requests.Add(Call(Reader.Address, TokenNetworkContract.EncodeGetParticipantInfo(channel.Id, Address(channel.Actors[1]))));
        }
        var results = await _fixture.Anvil.Rpc.BatchAsync(requests);

        var index = 0;
        Assert.True((ulong)results[index++].GetResult<UInt256>() == _head, "the chain's head differs from the model's");
        Equal(_counter, (ulong)TokenNetworkContract.DecodeChannelCounter(Output(results[index++])), "channel counter");
        var networkBalance = UInt256.FromBigEndian(Output(results[index++]));
        for (var i = 0; i < ActorCount; i++)
            Equal(_balances[i], UInt256.FromBigEndian(Output(results[index++])), $"token balance of actor {i}");
        for (var p = 0; p < Pairs.Length; p++)
            Equal(new UInt256(_live[p]?.Id ?? 0), TokenNetworkContract.DecodeGetChannelIdentifier(Output(results[index++])), $"live channel of pair {p}");

        var chainHoldings = UInt256.Zero;
        foreach (var channel in _channels)
        {
            var info = TokenNetworkContract.DecodeGetChannelInfo(Output(results[index++]));
            var participants = new[]
            {
                TokenNetworkContract.DecodeGetParticipantInfo(Output(results[index++])),
                TokenNetworkContract.DecodeGetParticipantInfo(Output(results[index++])),
            };
            CheckChannel(channel, info, participants);
            // Summed before subtracting: one side may withdraw more than it deposited (out of its partner's deposit).
            if (channel.IsLive)
                chainHoldings += participants[0].Deposit + participants[1].Deposit - participants[0].Withdrawn - participants[1].Withdrawn;
        }

        var modelHoldings = _channels.Where(c => c.IsLive).Aggregate(UInt256.Zero, (sum, c) => sum + c.Holdings);
        Equal(_network, networkBalance, "the network's token balance");
        Assert.True(
            networkBalance == chainHoldings && chainHoldings == modelHoldings,
            $"the network holds {networkBalance} tokens; its live channels hold {chainHoldings} on chain and {modelHoldings} in the model");
    }

    private void CheckChannel(ModelChannel channel, ChannelInfo info, ParticipantInfo[] participants)
    {
        var what = channel.ToString();
        if (!channel.IsLive)
        {
            Equal(ChannelState.Settled, info.State, $"{what}: state");
            foreach (var p in participants)
                Equal(new ParticipantInfo(UInt256.Zero, UInt256.Zero, Hash256.Zero, UInt256.Zero, false), p, $"{what}: participant record after settlement");
            return;
        }
        Equal(channel.State == ModelState.Opened ? ChannelState.Opened : ChannelState.Closed, info.State, $"{what}: state");
        Equal(new UInt256(channel.SettleTimeout), info.SettleTimeout, $"{what}: settle timeout");
        Equal(new UInt256(channel.State == ModelState.Closed ? channel.SettleBlock : 0), info.SettleBlockNumber, $"{what}: settle block");
        Equal((Address(channel.Actors[0]), Address(channel.Actors[1])), (info.Participant1, info.Participant2), $"{what}: participants");
        for (var side = 0; side < 2; side++)
        {
            var expected = new ParticipantInfo(
                channel.Deposit[side],
                channel.Withdrawn[side],
                channel.StoredBalanceHash(side),
                channel.StoredNonce(side),
                channel.State == ModelState.Closed && channel.Closer == side);
            Equal(expected, participants[side], $"{what}: participant record of side {side}");
        }
    }

    /// <summary>
    /// A settlement (by close or cooperative) moved exactly what the channel held, as the chain itself
    /// recorded it before: the network's balance fell by Σ(deposit − withdrawn) and the recipients'
    /// balances rose by the same total, split as predicted.
    /// </summary>
    private async Task CheckPayoutsAsync(
        ModelChannel channel, (UInt256 Network, UInt256[] Actors) before, UInt256 holdingsOnChain, UInt256[] expectedGains)
    {
        var after = await ReadBalancesAsync();
        Equal(before.Network - holdingsOnChain, after.Network, $"{channel}: the network's balance after settlement");
        var totalGain = UInt256.Zero;
        for (var i = 0; i < ActorCount; i++)
        {
            var gain = after.Actors[i] - before.Actors[i];
            Equal(expectedGains[i], gain, $"{channel}: what actor {i} was paid");
            totalGain += gain;
        }
        Equal(holdingsOnChain, totalGain, $"{channel}: Σ payouts against deposits − withdrawals");
    }

    private async Task<(UInt256 Network, UInt256[] Actors)> ReadBalancesAsync()
    {
        var requests = new List<RpcRequest> { BalanceOf(_setup.Network) };
        requests.AddRange(_actors.Select(a => BalanceOf(a.Address)));
        var results = await _fixture.Anvil.Rpc.BatchAsync(requests);
        return (UInt256.FromBigEndian(Output(results[0])), [.. results.Skip(1).Select(r => UInt256.FromBigEndian(Output(r)))]);
    }

    /// <summary>The channel's deposits − withdrawals as the chain records them.</summary>
    private async Task<UInt256> HoldingsOnChainAsync(ModelChannel channel)
    {
        var p1 = await Reader.GetParticipantInfoAsync(channel.Id, Address(channel.Actors[0]));
        var p2 = await Reader.GetParticipantInfoAsync(channel.Id, Address(channel.Actors[1]));
        return p1.Deposit + p2.Deposit - p1.Withdrawn - p2.Withdrawn;
    }

    private static void Equal<T>(T expected, T actual, string what) =>
        Assert.True(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: the model expects {expected}, the chain has {actual}");
}
