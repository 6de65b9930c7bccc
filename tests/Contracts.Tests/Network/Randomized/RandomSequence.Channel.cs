using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Randomized;

internal sealed partial class RandomSequence
{
    private async Task OpenAsync(int pair)
    {
        var (x, y) = Pairs[pair];
        var actors = _random.Next(2) == 0 ? new[] { x, y } : [y, x];
        var opener = _random.Next(10) < 8 ? actors[_random.Next(2)] : OutsiderActor;
        var min = SettleTimeoutMin;
        var max = _fixture.Parameters.SettleTimeoutMax;
        var timeout = _random.Next(20) switch
        {
            0 => min - 1,
            1 => max + 1,
            _ => min + (ulong)_random.Next(4),
        };
        var deposit = _random.Next(3) == 0 ? new UInt256((ulong)_random.Next(1, 200)) : UInt256.Zero;
        var expected = timeout < min || timeout > max
            ? Expected.Refuse("SettleTimeoutOutOfRange", new UInt256(timeout), new UInt256(min), new UInt256(max))
            : _live[pair] is { } existing
                ? Expected.Refuse("ChannelExists", new UInt256(existing.Id))
                : Expected.Accept;
        var network = Actor(opener).Network;
        var receipt = await SubmitAsync(
            deposit.IsZero ? "open" : "open with deposit",
            $"actor {opener} opens ({actors[0]}, {actors[1]}), timeout {timeout}, deposit {deposit}",
            expected,
            () => deposit.IsZero
                ? network.OpenChannelAsync(Address(actors[0]), Address(actors[1]), timeout)
                : network.OpenChannelWithDepositAsync(Address(actors[0]), Address(actors[1]), timeout, deposit));
        if (receipt is null)
            return;
        var channel = new ModelChannel(++_counter, pair, actors, timeout);
        var opened = Assert.Single(TokenNetworkContract.EventsOf(receipt, _setup.Network).OfType<ChannelOpened>());
        Equal(new UInt256(channel.Id), opened.ChannelId, "the new channel's id");
        channel.Deposit[0] = deposit;
        _balances[opener] -= deposit;
        _network += deposit;
        _channels.Add(channel);
        _live[pair] = channel;
    }

    private async Task DepositAsync(ModelChannel channel)
    {
        var side = _random.Next(2);
        var (participant, partner) = (channel.Actors[side], channel.Actors[1 - side]);
        var depositor = _random.Next(10) switch
        {
            < 6 => participant,
            < 8 => partner,
            _ => OutsiderActor,
        };
        var current = channel.Deposit[side];
        var total = _random.Next(8) == 0
            ? current - Between(UInt256.Zero, UInt256.Min(current, 5))
            : current + Between(1, 300);
        var expected = channel.State != ModelState.Opened
            ? Expected.Refuse("ChannelNotOpened", new UInt256(channel.Id))
            : total <= current
                ? Expected.Refuse("TotalDepositNotIncreasing", current, total)
                : Expected.Accept;
        var receipt = await SubmitAsync(
            "deposit",
            $"actor {depositor} raises actor {participant}'s total deposit in {channel} to {total}",
            expected,
            () => Actor(depositor).Network.SetTotalDepositAsync(channel.Id, Address(participant), total, Address(partner)));
        if (receipt is null)
            return;
        _balances[depositor] -= total - current;
        _network += total - current;
        channel.Deposit[side] = total;
    }

    private async Task WithdrawAsync(ModelChannel channel)
    {
        var side = _random.Next(2);
        var (participant, partner) = (channel.Actors[side], channel.Actors[1 - side]);
        var current = channel.Withdrawn[side];
        var limit = channel.WithdrawLimit(side);
        var variant = _random.Next(20);
        UInt256 total;
        if (variant < 2 || (variant >= 4 && limit <= current))
        {
            total = current - Between(UInt256.Zero, UInt256.Min(current, 3));
        }
        else if (variant < 4)
        {
            total = limit + Between(1, 20);
        }
        else
        {
            // Mostly what the off-chain balance allows, sometimes more: the contract only keeps the channel solvent.
            var offChain = channel.OffChainBalance(side);
            var room = limit - current;
            var step = offChain > 0 && _random.Next(4) != 0 ? UInt256.Min((UInt256)offChain, room) : room;
            total = current + Between(1, step);
        }
        var expired = variant == 6;
        // The last allowed block (head + 1) is drawn as often as any other.
        var expiration = expired ? _head : _head + 1 + (ulong)_random.Next(4);
        var ownSigner = variant == 5 ? partner : participant;
        var partnerSigner = variant == 7 ? OtherParty(channel) : partner;

        Expected expected;
        if (channel.State != ModelState.Opened)
            expected = Expected.Refuse("ChannelNotOpened", new UInt256(channel.Id));
        else if (_head + 1 > expiration)
            expected = Expected.Refuse("WithdrawExpired", new UInt256(expiration), new UInt256(_head + 1));
        else if (total <= current)
            expected = Expected.Refuse("TotalWithdrawNotIncreasing", current, total);
        else if (total > limit)
            expected = Expected.Refuse("WithdrawExceedsChannel", total, limit);
        else if (ownSigner != participant)
            expected = Expected.Refuse("WrongSigner", Address(participant), Address(ownSigner));
        else if (partnerSigner != partner)
            expected = Expected.Refuse("WrongSigner", Address(partner), Address(partnerSigner));
        else
            expected = Expected.Accept;

        var proof = new WithdrawProof(channel.Id, Address(participant), total, expiration);
        var sender = _random.Next(3) == 0 ? OutsiderActor : participant;
        var receipt = await SubmitAsync(
            "withdraw",
            $"actor {sender} raises actor {participant}'s total withdrawal in {channel} to {total} (expires {expiration}, signed by {ownSigner} and {partnerSigner})",
            expected,
            () => Actor(sender).Network.SetTotalWithdrawAsync(
                channel.Id, Address(participant), total, expiration, Actor(ownSigner).Sign(proof), Actor(partnerSigner).Sign(proof)));
        if (receipt is null)
            return;
        _balances[participant] += total - current;
        _network -= total - current;
        channel.Withdrawn[side] = total;
    }

    /// <summary>An off-chain payment: the payer signs its next balance proof; nothing touches the chain.</summary>
    private void Pay(ModelChannel channel)
    {
        var side = _random.Next(2);
        var offChain = channel.OffChainBalance(side);
        // Now and then more than the payer has: a proof an honest partner would refuse, which the
        // contract must still settle within the channel's holdings.
        var amount = offChain > 0 && _random.Next(10) != 0 ? Between(1, (UInt256)offChain) : Between(1, 50);
        var payer = channel.Actors[side];
        var proof = ModelProof.Sign(Actor(payer), channel.Id, channel.Transferred(side) + amount, channel.Nonce(side) + 1, RandomHash());
        channel.Proofs[side].Add(proof);
        Log($"pay: actor {payer} pays {amount} off-chain in {channel}: {proof}");
        _stats.Count("pay (off-chain)", Expected.Accept);
    }

    /// <summary>A party of the pairs that is not in this channel: its signature is a wrong one.</summary>
    private static int OtherParty(ModelChannel channel) => Enumerable.Range(0, 4).First(a => !channel.Actors.Contains(a));
}
