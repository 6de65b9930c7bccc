using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Node.Routing;

/// <summary>
/// The node's own view of every channel of every token network, built from chain events (docs/node.md):
/// what it routes with until a pathfinder exists. Settled channels leave the graph. Thread-safe: the chain
/// sync writes, payment requests read.
/// </summary>
public sealed class NetworkGraph
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Address, Dictionary<UInt256, GraphChannel>> _networks = [];

    /// <summary>Applies a channel event of any token network (others are ignored).</summary>
    public void Apply(ContractEvent contractEvent)
    {
        ArgumentNullException.ThrowIfNull(contractEvent);
        var network = contractEvent.Contract;
        switch (contractEvent)
        {
            case ChannelOpened e:
                Opened(network, e.ChannelId, e.Participant1, e.Participant2);
                break;
            case ChannelNewDeposit e:
                Deposited(network, e.ChannelId, e.Participant, e.TotalDeposit);
                break;
            case ChannelWithdraw e:
                Withdrew(network, e.ChannelId, e.Participant, e.TotalWithdraw);
                break;
            case ChannelClosed e:
                Closed(network, e.ChannelId);
                break;
            case ChannelSettled e:
                Settled(network, e.ChannelId);
                break;
            case ChannelCooperativeSettled e:
                Settled(network, e.ChannelId);
                break;
        }
    }

    public void Opened(Address tokenNetwork, UInt256 channelId, Address participant1, Address participant2)
    {
        lock (_gate)
        {
            if (!_networks.TryGetValue(tokenNetwork, out var channels))
                _networks[tokenNetwork] = channels = [];
            channels.TryAdd(channelId, new GraphChannel(channelId, participant1, participant2));
        }
    }

    public void Deposited(Address tokenNetwork, UInt256 channelId, Address participant, UInt256 totalDeposit) =>
        Update(tokenNetwork, channelId, channel => participant == channel.Participant1
            ? channel with { Deposit1 = totalDeposit }
            : participant == channel.Participant2 ? channel with { Deposit2 = totalDeposit } : channel);

    public void Withdrew(Address tokenNetwork, UInt256 channelId, Address participant, UInt256 totalWithdraw) =>
        Update(tokenNetwork, channelId, channel => participant == channel.Participant1
            ? channel with { Withdrawn1 = totalWithdraw }
            : participant == channel.Participant2 ? channel with { Withdrawn2 = totalWithdraw } : channel);

    public void Closed(Address tokenNetwork, UInt256 channelId) => Update(tokenNetwork, channelId, channel => channel with { Closed = true });

    public void Settled(Address tokenNetwork, UInt256 channelId)
    {
        lock (_gate)
        {
            if (_networks.TryGetValue(tokenNetwork, out var channels))
                channels.Remove(channelId);
        }
    }

    /// <summary>The open channels of one token network, a copy that later events do not change.</summary>
    public IReadOnlyList<GraphChannel> OpenChannels(Address tokenNetwork)
    {
        lock (_gate)
            return _networks.TryGetValue(tokenNetwork, out var channels) ? [.. channels.Values.Where(c => !c.Closed)] : [];
    }

    private void Update(Address tokenNetwork, UInt256 channelId, Func<GraphChannel, GraphChannel> change)
    {
        lock (_gate)
        {
            if (_networks.TryGetValue(tokenNetwork, out var channels) && channels.TryGetValue(channelId, out var channel))
                channels[channelId] = change(channel);
        }
    }
}
