using System.Numerics;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.Channels;

/// <summary>
/// Random sequences of transitions on both ends (ours built directly, the partner's received as
/// signed proofs through <see cref="BalanceProofCheck"/>), with the invariants checked after every step.
/// Seeded, so a failure names a sequence that reproduces.
/// </summary>
public sealed class RandomTransitionSequenceTests
{
    private const int Sequences = 1_000;
    private const int SecretPool = 6;

    [Fact]
    public void Random_sequences_keep_transferred_monotonic_locked_equal_to_the_locks_and_distributable_never_negative()
    {
        var outcomes = new Dictionary<string, int>();
        for (var seed = 0; seed < Sequences; seed++)
            RunSequence(seed, outcomes);

        // The generator reaches every transition accepted and refused, so the invariants were tested on all.
        foreach (var kind in new[] { "direct", "lock", "unlock", "expire" })
        {
            Assert.True(outcomes.GetValueOrDefault(kind + " accepted") > 100, $"{kind} accepted {outcomes.GetValueOrDefault(kind + " accepted")} times");
            Assert.True(outcomes.GetValueOrDefault(kind + " refused") > 100, $"{kind} refused {outcomes.GetValueOrDefault(kind + " refused")} times");
        }
        RefusalReason[] reached =
        [
            RefusalReason.ZeroAmount, RefusalReason.InsufficientCapacity, RefusalReason.DuplicateLock, RefusalReason.LockExpirationNotInFuture,
            RefusalReason.LockExpirationTooFar, RefusalReason.UnknownLock, RefusalReason.LockNotExpired,
        ];
        foreach (var reason in reached)
            Assert.True(outcomes.GetValueOrDefault(reason.ToString()) > 10, $"{reason} refused {outcomes.GetValueOrDefault(reason.ToString())} times");
    }

    private static void RunSequence(int seed, Dictionary<string, int> outcomes)
    {
        var random = new Random(seed);
        var channel = Opened((ulong)random.Next(0, 1_000), (ulong)random.Next(0, 1_000));
        var total = BigInteger.Add(channel.Our.TotalDeposit, channel.Partner.TotalDeposit);
        ulong block = 100;
        var steps = random.Next(1, 30);
        for (var step = 0; step < steps; step++)
        {
            block += (ulong)random.Next(0, 40);
            var payer = random.Next(2) == 0 ? Us : Partner;
            var (end, other) = channel.EndsOf(payer);
            if (random.Next(10) == 0 && !end.Locks.IsEmpty)
            {
                // The payee disposes a pending lock (AnnounceDisposed): its hash is never usable again.
                var disposed = end.Locks[random.Next(end.Locks.Count)].LockHash;
                channel = channel.WithEnd(end with { DisposedLockHashes = end.DisposedLockHashes.Add(disposed) });
                continue;
            }
            var (kind, transition, receive) = RandomTransition(random, channel, payer, end, other, block);
            var context = $"seed {seed}, step {step}, {kind} by {(payer == Us ? "us" : "partner")}";
            var result = transition();
            if (payer == Partner)
                result = Receive(channel, result, receive, context);
            outcomes[kind + (result.IsAccepted ? " accepted" : " refused")] = outcomes.GetValueOrDefault(kind + (result.IsAccepted ? " accepted" : " refused")) + 1;

            var before = channel;
            if (result.IsAccepted)
            {
                Assert.Equal(end.Nonce + 1, result.End.Nonce);
                Assert.True(result.End.TransferredAmount >= end.TransferredAmount, context);
                AssertKindPreserves(kind, end, result.End, context);
                // A lock disposed in the channel, in either direction, is never added again.
                Assert.All(result.End.Locks.Except(end.Locks), added =>
                    Assert.False(end.DisposedLockHashes.Contains(added.LockHash) || other.DisposedLockHashes.Contains(added.LockHash), context));
                channel = channel.WithEnd(result.End);
            }
            else
            {
                Assert.Null(result.End);
                outcomes[result.Refusal.Reason.ToString()] = outcomes.GetValueOrDefault(result.Refusal.Reason.ToString()) + 1;
            }
            AssertInvariants(channel, total, context);
            Assert.Equal(before.EndsOf(payer).Other, channel.EndsOf(payer).Other);
        }
    }

    private static (string Kind, Func<EndTransition> Transition, Func<ReceivedBalanceProof, Hash256, EndTransition> Receive) RandomTransition(
        Random random, Channel channel, Address payer, ChannelEnd end, ChannelEnd other, ulong block)
    {
        var distributable = (ulong)Balances.Distributable(end, other);
        var secret = Secret(random.Next(1, SecretPool + 1));
        switch (random.Next(4))
        {
            case 0:
                UInt256 amount = (ulong)random.Next(0, (int)distributable + 20);
                return ("direct", () => ChannelTransitions.ApplyDirectTransfer(channel, payer, amount),
                    (proof, hash) => BalanceProofCheck.CheckDirectTransfer(channel, payer, proof, hash, amount));
            case 1:
                // Sometimes an earlier pending lock again, or an expiration outside the window.
                var hashTimeLock = random.Next(8) == 0 && !end.Locks.IsEmpty
                    ? end.Locks[random.Next(end.Locks.Count)]
                    : new HashTimeLock(block + (ulong)random.Next(-5, (int)SettleTimeout + 5), (ulong)random.Next(0, (int)distributable / 2 + 10), SecretHash.Of(secret));
                return ("lock", () => ChannelTransitions.ApplyLock(channel, payer, hashTimeLock, block, received: payer != Us),
                    (proof, hash) => BalanceProofCheck.CheckLock(channel, payer, proof, hash, hashTimeLock, block));
            case 2:
                return ("unlock", () => ChannelTransitions.ApplyUnlock(channel, payer, secret),
                    (proof, hash) => BalanceProofCheck.CheckUnlock(channel, payer, proof, hash, secret));
            default:
                var secretHash = SecretHash.Of(secret);
                var at = end.FindLock(secretHash) is { } pending && random.Next(2) == 0 ? (ulong)pending.Expiration + (ulong)random.Next(0, 2) : block;
                return ("expire", () => ChannelTransitions.ApplyLockExpired(channel, payer, secretHash, at),
                    (proof, hash) => BalanceProofCheck.CheckLockExpired(channel, payer, proof, hash, secretHash, at));
        }
    }

    /// <summary>What each kind of transition moves: a payment raises transferred, an unlock moves locked to transferred, an expiry frees locked.</summary>
    private static void AssertKindPreserves(string kind, ChannelEnd before, ChannelEnd after, string context)
    {
        var committedBefore = before.TransferredAmount.ToBigInteger() + before.LockedAmount.ToBigInteger();
        var committedAfter = after.TransferredAmount.ToBigInteger() + after.LockedAmount.ToBigInteger();
        switch (kind)
        {
            case "direct":
                Assert.True(after.TransferredAmount > before.TransferredAmount && after.Locks.SequenceEqual(before.Locks), context);
                break;
            case "lock":
                Assert.True(after.TransferredAmount == before.TransferredAmount && after.Locks.Count == before.Locks.Count + 1, context);
                break;
            case "unlock":
                Assert.True(after.TransferredAmount > before.TransferredAmount && committedAfter == committedBefore && after.Locks.Count == before.Locks.Count - 1, context);
                break;
            default:
                Assert.True(after.TransferredAmount == before.TransferredAmount && committedAfter < committedBefore && after.Locks.Count == before.Locks.Count - 1, context);
                break;
        }
    }

    /// <summary>The partner's transition as we receive it: a proof it signed, checked by us, must give the same result.</summary>
    private static EndTransition Receive(Channel channel, EndTransition built, Func<ReceivedBalanceProof, Hash256, EndTransition> receive, string context)
    {
        var additionalHash = AdditionalHash((int)(channel.Partner.Nonce % 256));
        // A refused transition still arrives as some signed proof: the next nonce over the current amounts.
        var described = built.IsAccepted ? built.End : channel.Partner with { Nonce = channel.Partner.Nonce + 1 };
        var checkedResult = receive(SignedProof(described, additionalHash), additionalHash);
        Assert.True(checkedResult.IsAccepted == built.IsAccepted, $"{context}: built {built}, received {checkedResult}");
        if (built.IsAccepted)
            Assert.Equal(built.End with { Signature = new ProofSignature(additionalHash, SignedProof(described, additionalHash).Signature) }, checkedResult.End);
        else
            Assert.Equal(built.Refusal, checkedResult.Refusal);
        return checkedResult;
    }

    private static void AssertInvariants(Channel channel, BigInteger total, string context)
    {
        foreach (var (end, other) in new[] { (channel.Our, channel.Partner), (channel.Partner, channel.Our) })
        {
            var locked = end.Locks.Aggregate(BigInteger.Zero, (sum, l) => sum + l.Amount.ToBigInteger());
            Assert.Equal(locked, end.LockedAmount.ToBigInteger());
            Assert.Equal(LocksMerkleTree.FromLocks(end.Locks).Root, end.Locksroot);
            Assert.Equal(end.Locks.Count, end.Locks.Select(l => l.SecretHash).Distinct().Count());
            var distributable = end.TotalDeposit.ToBigInteger() - end.TotalWithdraw.ToBigInteger() + other.TransferredAmount.ToBigInteger()
                - end.TransferredAmount.ToBigInteger() - locked;
            Assert.True(distributable >= 0, $"{context}: distributable {distributable}");
            Assert.Equal(distributable, Balances.Distributable(end, other).ToBigInteger());
            Assert.True(Balances.IsWithinCapacity(end, other), context);
        }
        // Nothing is created or lost: what both can distribute plus what both have locked is all deposited.
        var held = Balances.Distributable(channel.Our, channel.Partner).ToBigInteger() + Balances.Distributable(channel.Partner, channel.Our).ToBigInteger()
            + channel.Our.LockedAmount.ToBigInteger() + channel.Partner.LockedAmount.ToBigInteger();
        Assert.Equal(total, held);
    }
}
