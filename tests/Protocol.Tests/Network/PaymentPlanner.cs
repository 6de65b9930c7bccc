using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Random routes over a network's channels, with the exact fee each mediator's schedule asks for: what a
/// pathfinder would hand an initiator (capacities are not checked, so some routes fail, as in life).
/// </summary>
internal sealed class PaymentPlanner(TestNetwork network, Random random)
{
    private ulong _nextPaymentId = 1;

    /// <summary>A payment from <paramref name="initiator"/> to <paramref name="target"/> with up to <paramref name="maxRoutes"/> distinct random loop-free routes (none when unreachable).</summary>
    public PlannedPayment Plan(TestNode initiator, TestNode target, UInt256 amount, int maxRoutes)
    {
        var routes = new List<Route>();
        for (var attempt = 0; attempt < maxRoutes * 3 && routes.Count < maxRoutes; attempt++)
        {
            if (RandomPath(initiator, target) is not { } hops)
                break;
            if (routes.Exists(r => r.Hops.SequenceEqual(hops)))
                continue;
            routes.Add(new Route(hops, FeeAlong(hops, amount)));
        }
        var secret = new byte[32];
        random.NextBytes(secret);
        return new PlannedPayment(initiator, target, _nextPaymentId++, amount, new Hash256(secret), [.. routes]);
    }

    /// <summary>Σ over the mediators (every hop but the target) of the fee they charge on their channel to the next hop.</summary>
    public UInt256 FeeAlong(ImmutableArray<Address> hops, UInt256 amount)
    {
        var fee = UInt256.Zero;
        for (var i = 0; i < hops.Length - 1; i++)
        {
            var mediator = network.NodeAt(hops[i]);
            var channel = mediator.ChannelWith(network.NodeAt(hops[i + 1]));
            fee += (channel.Fees ?? mediator.State.Settings.DefaultFees).FeeFor(amount) ?? throw new InvalidOperationException("a fee beyond 2^256");
        }
        return fee;
    }

    private ImmutableArray<Address>? RandomPath(TestNode from, TestNode to)
    {
        // Random depth-first search over simple paths.
        var path = new List<TestNode> { from };
        return Extend(path, to) ? [.. path.Skip(1).Select(n => n.Address)] : null;
    }

    private bool Extend(List<TestNode> path, TestNode to)
    {
        var last = path[^1];
        if (last == to)
            return true;
        var next = last.Channels.Select(c => network.NodeAt(c.Partner.Address)).Where(n => !path.Contains(n)).OrderBy(_ => random.Next()).ToList();
        foreach (var node in next)
        {
            path.Add(node);
            if (Extend(path, to))
                return true;
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }
}
