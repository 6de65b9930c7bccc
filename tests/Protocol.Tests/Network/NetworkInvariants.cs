using System.Numerics;
using Photon.Protocol.Channels;
using Photon.Protocol.Machine;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Checks every network test can run. Notation for a channel between participants 1 and 2:
/// <c>D_i</c> total deposit, <c>W_i</c> total withdrawal, <c>T_i</c> transferred amount of i's latest
/// balance proof, <c>L_i</c> the sum of i's pending locks.
/// </summary>
/// <remarks>
/// <para><b>Tokens conserved.</b> The contract holds <c>H = D_1 + D_2 − W_1 − W_2</c>. Off chain, what i can
/// still spend is <c>B_i = D_i − W_i + T_j − T_i − L_i</c> (its distributable balance), and each pending lock
/// <c>L_i</c> is in transit: it ends with j if unlocked, back with i if it expires. Conservation is
/// <c>B_1 + L_1 + B_2 + L_2 = H</c>. The T terms cancel, so the equation holds for any numbers as soon as the
/// B_i are computed without clamping: its content is that no B_i is negative (no end has committed,
/// transferred or locked, more than it holds), that the node's <see cref="Balances.Distributable"/> is exactly
/// B_i, and that the node's deposits are the chain's (<see cref="AssertTokensConserved"/>, in every node's
/// view and on the ends each node signed itself).</para>
/// <para><b>Views.</b> A node's view of its partner's end comes only from proofs the partner signed, accepted
/// in nonce order, so at any moment it lags the partner's own end (<see cref="AssertViewsConsistent"/>);
/// once every message is acknowledged the two views are equal (<see cref="AssertViewsAgree"/>), apart from
/// what only one side keeps: its reveal timeout, fee schedule, negotiations and the partner's Disposed
/// proofs it holds.</para>
/// </remarks>
internal static class NetworkInvariants
{
    /// <summary>Conservation (see the remarks) in every channel, in each node's view and on the signed ends.</summary>
    public static void AssertTokensConserved(TestNetwork network)
    {
        foreach (var node in network.Nodes)
        {
            foreach (var channel in node.Channels)
            {
                var onChain = network.Chain.Channels[channel.ChannelId];
                var where = $"{node.Name}'s view of channel {channel.ChannelId}";
                Assert.True(channel.Our.TotalDeposit == onChain.DepositOf(channel.Our.Address), $"{where}: our deposit {channel.Our.TotalDeposit} is not the chain's");
                Assert.True(channel.Partner.TotalDeposit == onChain.DepositOf(channel.Partner.Address), $"{where}: the partner's deposit {channel.Partner.TotalDeposit} is not the chain's");
                AssertConserved(channel.Our, channel.Partner, where);
                Assert.True(Balances.Distributable(channel.Our, channel.Partner) == (UInt256Of(Spendable(channel.Our, channel.Partner))), $"{where}: Distributable is not B_our");
                Assert.True(Balances.Distributable(channel.Partner, channel.Our) == (UInt256Of(Spendable(channel.Partner, channel.Our))), $"{where}: Distributable is not B_partner");
            }
        }
        // The ends each participant signed itself: the state the chain would settle on if both submitted their latest.
        foreach (var onChain in network.Chain.Channels.Values)
        {
            var one = network.NodeAt(onChain.Participant1);
            var two = network.NodeAt(onChain.Participant2);
            var end1 = one.ChannelWith(two).Our;
            var end2 = two.ChannelWith(one).Our;
            AssertConserved(end1, end2, $"channel {onChain.ChannelId} ({one.Name}'s and {two.Name}'s own ends)");
        }
    }

    /// <summary>Each node's view of a partner's end is an earlier or equal state of the end the partner signed.</summary>
    public static void AssertViewsConsistent(TestNetwork network)
    {
        foreach (var (node, partner) in ChannelPairs(network))
        {
            var view = node.ChannelWith(partner).Partner;
            var own = partner.ChannelWith(node).Our;
            var where = $"{node.Name}'s view of {partner.Name}'s end";
            Assert.True(view.Nonce <= own.Nonce, $"{where}: nonce {view.Nonce} is ahead of the signed {own.Nonce}");
            Assert.True(view.TransferredAmount <= own.TransferredAmount, $"{where}: transferred {view.TransferredAmount} is ahead of the signed {own.TransferredAmount}");
            Assert.True(view.TotalDeposit == own.TotalDeposit && view.TotalWithdraw == own.TotalWithdraw, $"{where}: deposit or withdrawal differ");
            if (view.Nonce == own.Nonce)
            {
                Assert.True(view.TransferredAmount == own.TransferredAmount && view.Locks.SequenceEqual(own.Locks) && Equals(view.Signature, own.Signature),
                    $"{where}: the same nonce {own.Nonce} with another proof: {view} against {own}");
            }
        }
    }

    /// <summary>Once quiet, both nodes of every channel hold the same channel: same status, same two ends.</summary>
    public static void AssertViewsAgree(TestNetwork network)
    {
        Assert.True(network.IsQuiet, "views are compared once every message is delivered and acknowledged");
        foreach (var (node, partner) in ChannelPairs(network))
        {
            var mine = node.ChannelWith(partner);
            var theirs = partner.ChannelWith(node);
            var where = $"channel {mine.ChannelId} between {node.Name} and {partner.Name}";
            Assert.True(mine.ChannelId == theirs.ChannelId && mine.SettleTimeout == theirs.SettleTimeout && mine.Status == theirs.Status && Equals(mine.Closing, theirs.Closing),
                $"{where}: the channels differ");
            Assert.True(mine.Our.Equals(theirs.Partner), $"{where}: {node.Name}'s own end {mine.Our} is {theirs.Partner} for {partner.Name}");
            Assert.True(mine.Partner.Equals(theirs.Our), $"{where}: {partner.Name}'s own end {theirs.Our} is {mine.Partner} for {node.Name}");
        }
    }

    /// <summary>
    /// Replays <paramref name="node"/>'s recorded inputs on a fresh state machine from its initial state:
    /// every step must give the same events and the same state (content equality).
    /// </summary>
    public static void AssertReplays(TestNode node)
    {
        var machine = new StateMachine(node.Key);
        var state = node.InitialState;
        for (var i = 0; i < node.History.Count; i++)
        {
            var recorded = node.History[i];
            var replayed = machine.Transition(state, recorded.StateChange, recorded.Block);
            var step = $"{node.Name}, step {i} ({recorded.StateChange.GetType().Name} at block {recorded.Block.Number})";
            Assert.True(recorded.Events.SequenceEqual(replayed.Events), $"{step}: the replay gave other events");
            Assert.True(recorded.StateAfter.Equals(replayed.State), $"{step}: the replay gave another state");
            state = replayed.State;
        }
        Assert.True(node.State.Equals(state), $"{node.Name}: the replayed state is not the node's");
    }

    /// <summary>B_i = D_i − W_i + T_j − T_i − L_i, unclamped.</summary>
    public static BigInteger Spendable(ChannelEnd end, ChannelEnd partner) =>
        (BigInteger)end.TotalDeposit - end.TotalWithdraw + partner.TransferredAmount - end.TransferredAmount - end.LockedAmount;

    private static void AssertConserved(ChannelEnd one, ChannelEnd two, string where)
    {
        var b1 = Spendable(one, two);
        var b2 = Spendable(two, one);
        Assert.True(b1 >= 0, $"{where}: {one.Address} committed more than it holds (B = {b1}): {one}");
        Assert.True(b2 >= 0, $"{where}: {two.Address} committed more than it holds (B = {b2}): {two}");
        var held = (BigInteger)one.TotalDeposit + two.TotalDeposit - one.TotalWithdraw - two.TotalWithdraw;
        Assert.Equal(held, b1 + one.LockedAmount + b2 + two.LockedAmount);
    }

    private static Ethereum.UInt256 UInt256Of(BigInteger value) => Ethereum.UInt256.FromBigInteger(value);

    private static IEnumerable<(TestNode Node, TestNode Partner)> ChannelPairs(TestNetwork network)
    {
        foreach (var onChain in network.Chain.Channels.Values)
        {
            var one = network.NodeAt(onChain.Participant1);
            var two = network.NodeAt(onChain.Participant2);
            yield return (one, two);
            yield return (two, one);
        }
    }
}
