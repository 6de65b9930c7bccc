using System.Numerics;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.State;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Where a node's tokens went, reconstructed from its recorded states: every change of a balance proof
/// (ours as we signed it, the partner's as we accepted it) that raised a transferred amount is either an
/// unlocked lock — attributed to the lock's payment (secret hash) — or a direct transfer. Amounts are
/// signed from the node's side: received positive, paid negative.
/// </summary>
internal sealed class TokenFlows
{
    private readonly Dictionary<Hash256, BigInteger> _byPayment = [];

    private TokenFlows()
    {
    }

    /// <summary>Net received per payment (secret hash) through unlocked locks.</summary>
    public IReadOnlyDictionary<Hash256, BigInteger> ByPayment => _byPayment;

    /// <summary>Net received through direct transfers.</summary>
    public BigInteger Direct { get; private set; }

    /// <summary>The node's net position change over its channels: Σ (partner's transferred − our transferred).</summary>
    public BigInteger Net { get; private set; }

    public BigInteger Of(Hash256 secretHash) => _byPayment.GetValueOrDefault(secretHash);

    public static TokenFlows Of(TestNode node)
    {
        var flows = new TokenFlows();
        var previous = node.InitialState;
        foreach (var step in node.History)
        {
            var current = step.StateAfter;
            if (!ReferenceEquals(previous.TokenNetworks, current.TokenNetworks))
                flows.Add(previous, current, $"{node.Name} after {step.StateChange.GetType().Name} at block {step.Block.Number}");
            previous = current;
        }
        foreach (var network in node.State.TokenNetworks.Values)
            foreach (var channel in network.Channels.Values)
                flows.Net += (BigInteger)channel.Partner.TransferredAmount - channel.Our.TransferredAmount;
        // The ledger explains every token that moved.
        Assert.Equal(flows.Net, flows.Direct + flows._byPayment.Values.Aggregate(BigInteger.Zero, (a, b) => a + b));
        return flows;
    }

    private void Add(NodeState before, NodeState after, string where)
    {
        foreach (var (address, network) in after.TokenNetworks)
        {
            foreach (var (id, channel) in network.Channels)
            {
                if (before.TokenNetworks.GetValueOrDefault(address)?.Channels.GetValueOrDefault(id) is not { } old || ReferenceEquals(old, channel))
                    continue;
                Add(old.Our, channel.Our, -1, where);
                Add(old.Partner, channel.Partner, +1, where);
            }
        }
    }

    private void Add(ChannelEnd before, ChannelEnd after, int sign, string where)
    {
        if (after.TransferredAmount == before.TransferredAmount)
            return;
        var raised = (BigInteger)after.TransferredAmount - before.TransferredAmount;
        var removed = before.Locks.Where(l => !after.LocksTree.Contains(l.LockHash)).ToList();
        if (removed.Count == 0)
        {
            Direct += sign * raised;
            return;
        }
        // One transition changes an end's transferred amount through at most one unlock (one secret per input).
        Assert.True(removed.Count == 1 && removed[0].Amount == raised,
            $"{where}: transferred rose by {raised} while {removed.Count} locks left {after.Address}'s end");
        var secretHash = removed[0].SecretHash;
        _byPayment[secretHash] = _byPayment.GetValueOrDefault(secretHash) + sign * raised;
    }
}
