using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Randomized;

internal sealed partial class RandomSequence
{
    private async Task CloseAsync(ModelChannel channel, bool forceValid)
    {
        var roll = forceValid ? 99 : _random.Next(20);
        // Most often a side that has paid closes (so there is something to update it with), else either.
        var closerSide = _random.Next(10) < 7 && channel.Proofs[0].Count + channel.Proofs[1].Count > 0
            ? channel.Proofs[0].Count > 0 && (channel.Proofs[1].Count == 0 || _random.Next(2) == 0) ? 0 : 1
            : _random.Next(2);
        var partnerSide = 1 - closerSide;
        var closer = roll == 0 ? OutsiderActor : channel.Actors[closerSide];
        var proofs = channel.Proofs[partnerSide];
        // The partner's latest proof, an older one, or none at all.
        var choice = _random.Next(10);
        var emptyWithValues = roll == 1 && channel.State == ModelState.Opened;
        var proof = emptyWithValues || proofs.Count == 0 || choice < 2 ? null : choice < 4 ? proofs[_random.Next(proofs.Count)] : proofs[^1];
        // Nonce 0 says "no proof received", which the contract accepts only with a zero balance hash.
        var balanceHash = emptyWithValues ? RandomHash() : Hash256.Zero;

        var expected = channel.State != ModelState.Opened
            ? Expected.Refuse("ChannelNotOpened", new UInt256(channel.Id))
            : closer == OutsiderActor
                ? Expected.Refuse("NotParticipant", new UInt256(channel.Id), Address(OutsiderActor))
                : emptyWithValues
                    ? Expected.Refuse("EmptyProofWithValues")
                    : Expected.Accept;
        var nonClosing = Address(channel.Actors[partnerSide]);
        var receipt = await SubmitAsync(
            "close",
            $"actor {closer} closes {channel} with {(emptyWithValues ? "no proof but a balance hash" : proof?.ToString() ?? "no proof")}",
            expected,
            () => proof is null
                ? Actor(closer).Network.CloseChannelAsync(channel.Id, nonClosing, balanceHash, UInt256.Zero, Hash256.Zero, null)
                : Actor(closer).Network.CloseChannelAsync(channel.Id, nonClosing, proof.BalanceHash, proof.Proof.Nonce, proof.Proof.AdditionalHash, proof.Signature));
        if (receipt is null)
            return;
        channel.Stored[partnerSide] = proof;
        channel.Closer = closerSide;
        channel.State = ModelState.Closed;
        channel.SettleBlock = receipt.BlockNumber + channel.SettleTimeout;
    }

    private async Task UpdateAsync(ModelChannel channel)
    {
        var closerSide = channel.Closer >= 0 ? channel.Closer : _random.Next(2);
        var nonCloserSide = 1 - closerSide;
        var proofs = channel.Proofs[closerSide];
        if (proofs.Count == 0)
        {
            // Nothing the closer signed: there is no update to try.
            await MineAsync(1);
            return;
        }
        var proof = _random.Next(10) < 6 ? proofs[^1] : proofs[_random.Next(proofs.Count)];
        var variant = _random.Next(10);
        var byCloser = variant == 0;
        var delegated = variant is >= 1 and <= 3;
        var reward = delegated ? Between(UInt256.Zero, 30) : UInt256.Zero;
        var (closer, nonCloser) = (channel.Actors[closerSide], channel.Actors[nonCloserSide]);

        Expected expected;
        if (channel.State != ModelState.Closed)
            expected = Expected.Refuse("ChannelNotClosed", new UInt256(channel.Id));
        else if (_head + 1 > channel.SettleBlock)
            expected = Expected.Refuse("UpdateWindowOver", new UInt256(channel.SettleBlock));
        else if (byCloser)
            expected = Expected.Refuse("CallerIsNotNonClosing", new UInt256(channel.Id), Address(closer));
        else if (proof.Nonce <= channel.StoredNonce(closerSide))
            expected = Expected.Refuse("NonceNotIncreasing", new UInt256(channel.StoredNonce(closerSide)), proof.Proof.Nonce);
        else
            expected = Expected.Accept;

        TransactionReceipt? receipt;
        if (delegated)
        {
            var delegation = new MonitorDelegation(channel.Id, proof.BalanceHash, proof.Proof.Nonce, proof.Proof.AdditionalHash, Address(MonitorActor), reward);
            receipt = await SubmitAsync(
                "update by delegate",
                $"the monitor updates {channel} with actor {closer}'s {proof} for actor {nonCloser}, reward {reward}",
                expected,
                () => Actor(MonitorActor).Network.UpdateBalanceProofDelegateAsync(
                    channel.Id, Address(closer), Address(nonCloser), proof.BalanceHash, proof.Proof.Nonce, proof.Proof.AdditionalHash,
                    proof.Signature, Actor(nonCloser).Sign(delegation), reward));
        }
        else
        {
            // The closer, trying it, names its partner as the closing participant.
            var (sender, named) = byCloser ? (closer, nonCloser) : (nonCloser, closer);
            receipt = await SubmitAsync(
                "update",
                $"actor {sender} updates {channel} with actor {closer}'s {proof}",
                expected,
                () => Actor(sender).Network.UpdateNonClosingBalanceProofAsync(
                    channel.Id, Address(named), proof.BalanceHash, proof.Proof.Nonce, proof.Proof.AdditionalHash, proof.Signature));
        }
        if (receipt is null)
            return;
        channel.Stored[closerSide] = proof;
        if (!reward.IsZero)
        {
            channel.Monitor[nonCloserSide] = MonitorActor;
            channel.Reward[nonCloserSide] = reward;
        }
    }

    private async Task SettleAsync(ModelChannel channel, bool forceValid)
    {
        var variant = forceValid ? 99 : _random.Next(10);
        var firstBlock = channel.SettleBlock + PunishWindow + 1;
        var wrongSide = -1;
        if (channel.State == ModelState.Closed)
        {
            if (variant < 2 && _head + 1 < firstBlock)
            {
                // Too early; half the time exactly one block too early.
                if (_random.Next(2) == 0)
                    await MineToAsync(firstBlock - 2);
            }
            else
            {
                // The first block that may settle, or a later one.
                await MineToAsync(firstBlock - 1 + (ulong)_random.Next(3));
                if (variant == 2)
                    wrongSide = _random.Next(2);
            }
        }
        var transferred = new[] { channel.StoredTransferred(0), channel.StoredTransferred(1) };
        if (wrongSide >= 0)
            transferred[wrongSide] += 1;

        Expected expected;
        if (channel.State != ModelState.Closed)
            expected = Expected.Refuse("ChannelNotClosed", new UInt256(channel.Id));
        else if (_head + 1 < firstBlock)
            expected = Expected.Refuse("SettleTooEarly", new UInt256(firstBlock));
        else if (wrongSide >= 0)
            expected = Expected.Refuse("BalanceHashMismatch", Address(channel.Actors[wrongSide]));
        else
            expected = Expected.Accept;

        var swapped = _random.Next(2) == 0;
        var (first, second) = swapped ? (1, 0) : (0, 1);
        var settler = _random.Next(3) switch
        {
            0 => OutsiderActor,
            1 => MonitorActor,
            _ => channel.Actors[_random.Next(2)],
        };
        var holdings = channel.IsLive ? await HoldingsOnChainAsync(channel) : UInt256.Zero;
        var before = await ReadBalancesAsync();
        var receipt = await SubmitAsync(
            "settle",
            $"actor {settler} settles {channel} (transferred {transferred[0]}, {transferred[1]}; first block {firstBlock})",
            expected,
            () => Actor(settler).Network.SettleChannelAsync(
                channel.Id,
                Address(channel.Actors[first]), transferred[first], Hash256.Zero,
                Address(channel.Actors[second]), transferred[second], Hash256.Zero));
        if (receipt is null)
            return;

        var (amount1, amount2, reward1, reward2) = channel.Settlement();
        var events = TokenNetworkContract.EventsOf(receipt, _setup.Network);
        var settled = Assert.Single(events.OfType<ChannelSettled>());
        Equal((amount1, amount2), (settled.Participant1Amount, settled.Participant2Amount), $"{channel}: ChannelSettled amounts");
        Equal(
            string.Join(", ", new[] { reward1, reward2 }.Where(r => !r.IsZero)),
            string.Join(", ", events.OfType<MonitorRewarded>().Select(e => $"{e.Amount}")),
            $"{channel}: monitor rewards");
        Assert.All(events.OfType<MonitorRewarded>(), e => Equal(Address(MonitorActor), e.Monitor, $"{channel}: rewarded monitor"));
        Assert.Empty(events.OfType<PayoutDeferred>());
        var gains = new UInt256[ActorCount];
        gains[channel.Actors[0]] += amount1;
        gains[channel.Actors[1]] += amount2;
        if (!reward1.IsZero)
            gains[channel.Monitor[0]] += reward1;
        if (!reward2.IsZero)
            gains[channel.Monitor[1]] += reward2;
        await CheckPayoutsAsync(channel, before, holdings, gains);

        for (var i = 0; i < ActorCount; i++)
            _balances[i] += gains[i];
        _network -= channel.Holdings;
        var raw = (System.Numerics.BigInteger)channel.Deposit[0] - channel.Withdrawn[0] + channel.StoredTransferred(1) - channel.StoredTransferred(0);
        _stats.Settlements++;
        if (raw < 0 || raw > channel.Holdings)
            _stats.ClampedSettlements++;
        if (!(reward1 + reward2).IsZero)
            _stats.RewardedSettlements++;
        Retire(channel);
    }

    private async Task CooperativeSettleAsync(ModelChannel channel, bool forceValid)
    {
        var variant = forceValid ? 99 : _random.Next(10);
        var total = channel.Holdings;
        // The off-chain split half the time, any split of the holdings otherwise.
        var offChain = channel.OffChainBalance(0);
        var balance0 = _random.Next(2) == 0
            ? offChain <= 0 ? UInt256.Zero : offChain >= total ? total : (UInt256)offChain
            : Between(UInt256.Zero, total);
        var balance1 = total - balance0 + (variant == 0 ? 1UL : 0UL);
        var swapped = _random.Next(2) == 0;
        var (first, second) = swapped ? (1, 0) : (0, 1);
        var balances = new[] { balance0, balance1 };
        var signers = new[] { channel.Actors[first], channel.Actors[second] };
        if (variant == 1)
            signers[1] = OtherParty(channel);

        Expected expected;
        if (channel.State != ModelState.Opened)
            expected = Expected.Refuse("ChannelNotOpened", new UInt256(channel.Id));
        else if (variant == 0)
            expected = Expected.Refuse("CooperativeSettleMismatch", total + 1, total);
        else if (variant == 1)
            expected = Expected.Refuse("WrongSigner", Address(channel.Actors[second]), Address(signers[1]));
        else
            expected = Expected.Accept;

        var proof = new CooperativeSettleProof(
            channel.Id, Address(channel.Actors[first]), balances[first], Address(channel.Actors[second]), balances[second]);
        var sender = _random.Next(2) == 0 ? OutsiderActor : channel.Actors[_random.Next(2)];
        var holdings = channel.IsLive ? await HoldingsOnChainAsync(channel) : UInt256.Zero;
        var before = await ReadBalancesAsync();
        var receipt = await SubmitAsync(
            "cooperative settle",
            $"actor {sender} settles {channel} cooperatively: {balance0} and {balance1} of {total}",
            expected,
            () => Actor(sender).Network.CooperativeSettleAsync(
                channel.Id, proof.Participant1, proof.Balance1, proof.Participant2, proof.Balance2,
                Actor(signers[0]).Sign(proof), Actor(signers[1]).Sign(proof)));
        if (receipt is null)
            return;

        var settled = Assert.Single(TokenNetworkContract.EventsOf(receipt, _setup.Network).OfType<ChannelCooperativeSettled>());
        Equal((balance0, balance1), (settled.Participant1Amount, settled.Participant2Amount), $"{channel}: ChannelCooperativeSettled amounts");
        var gains = new UInt256[ActorCount];
        gains[channel.Actors[0]] += balance0;
        gains[channel.Actors[1]] += balance1;
        await CheckPayoutsAsync(channel, before, holdings, gains);

        for (var i = 0; i < ActorCount; i++)
            _balances[i] += gains[i];
        _network -= total;
        _stats.Settlements++;
        _stats.CooperativeSettlements++;
        Retire(channel);
    }

    private void Retire(ModelChannel channel)
    {
        channel.State = ModelState.Settled;
        _live[channel.Pair] = null;
        _lastSettled[channel.Pair] = channel;
    }
}
