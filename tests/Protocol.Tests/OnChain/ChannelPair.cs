using System.Collections.Immutable;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;
using WireBalanceProof = Photon.Protocol.Messages.BalanceProof;
using HashTimeLock = Photon.Contracts.Locks.HashTimeLock;
using WireLock = Photon.Protocol.Messages.HashTimeLock;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>
/// Our node and the partner's with one channel between them, opened and funded through chain events,
/// and a <see cref="ContractModel"/> of that channel on chain. Payments are real signed messages.
/// </summary>
internal sealed class ChannelPair
{
    public static readonly Address Token = Address.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");

    private ulong _paymentId = 1;

    public ChannelPair(ulong deposit = 1_000)
    {
        foreach (var node in new[] { Us, Partner })
        {
            node.Apply(new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1));
            node.Apply(new ContractReceiveChannelOpened(TokenNetwork, ChannelId, Us.Address, Partner.Address, SettleTimeout, 1));
            node.Apply(new ContractReceiveChannelDeposit(TokenNetwork, ChannelId, Us.Address, deposit, 1));
            node.Apply(new ContractReceiveChannelDeposit(TokenNetwork, ChannelId, Partner.Address, deposit, 1));
        }
        Chain = new ContractModel(Us.Address, Partner.Address, SettleTimeout, Us.State.Settings.PunishWindow);
        Chain.Deposit(Us.Address, deposit);
        Chain.Deposit(Partner.Address, deposit);
    }

    public TestNode Us { get; } = new(OurKey);

    public TestNode Partner { get; } = new(PartnerKey);

    public ContractModel Chain { get; }

    /// <summary>The partner pays us with a DirectTransfer, signed, sent and received through both state machines.</summary>
    public void PartnerPays(ulong amount) => Deliver(Partner, Us, Partner.Apply(new ActionDirectTransfer(TokenNetwork, Us.Address, amount, _paymentId++)));

    /// <summary>We pay the partner with a DirectTransfer; returns the message the partner received.</summary>
    public Message WePay(ulong amount) => Deliver(Us, Partner, Us.Apply(new ActionDirectTransfer(TokenNetwork, Partner.Address, amount, _paymentId++)));

    /// <summary>
    /// The partner locks <paramref name="hashTimeLock"/> to us with a MediatedTransfer signed by its key, which our
    /// node accepts by the same check its message intake uses (BalanceProofCheck.CheckLock).
    /// </summary>
    public void PartnerLocks(HashTimeLock hashTimeLock)
    {
        var channel = Us.Channel;
        var expected = ChannelTransitions.ApplyLock(channel, Partner.Address, hashTimeLock, Us.Block);
        Assert.True(expected.IsAccepted, expected.ToString());
        var message = MediatedTransfer(channel, expected.End, hashTimeLock, Partner.Address, Us.Address);
        Accept(channel, expected.End, message, (received, additionalHash) =>
            BalanceProofCheck.CheckLock(channel, Partner.Address, received, additionalHash, hashTimeLock, Us.Block));
    }

    /// <summary>The partner removes its expired lock <paramref name="hashTimeLock"/> with a signed LockExpired, which our node accepts.</summary>
    public void PartnerExpires(HashTimeLock hashTimeLock)
    {
        var channel = Us.Channel;
        var expected = ChannelTransitions.ApplyLockExpired(channel, Partner.Address, hashTimeLock.SecretHash, Us.Block);
        Assert.True(expected.IsAccepted, expected.ToString());
        var message = new Message
        {
            MessageId = 6_000 + expected.End.Nonce,
            LockExpired = new LockExpired { PaymentId = WireValues.Encode(new UInt256(expected.End.Nonce)), SecretHash = WireValues.Encode(hashTimeLock.SecretHash), BalanceProof = WireProof(channel, expected.End) },
        };
        Accept(channel, expected.End, message, (received, additionalHash) =>
            BalanceProofCheck.CheckLockExpired(channel, Partner.Address, received, additionalHash, hashTimeLock.SecretHash, Us.Block));
    }

    /// <summary>We lock <paramref name="hashTimeLock"/> to the partner: our end gains it with our signature, as our sending path stores it.</summary>
    public void WeLock(HashTimeLock hashTimeLock)
    {
        var channel = Us.Channel;
        var next = ChannelTransitions.ApplyLock(channel, Us.Address, hashTimeLock, Us.Block);
        Assert.True(next.IsAccepted, next.ToString());
        var message = MediatedTransfer(channel, next.End, hashTimeLock, Us.Address, Partner.Address);
        var additionalHash = MessageCodec.AdditionalHash(message);
        var signature = next.End.ToBalanceProof(ChannelId, additionalHash).Sign(OurKey, channel.Domain);
        Us.SetChannel(channel with { Our = next.End with { Signature = new ProofSignature(additionalHash, signature) } });
    }

    /// <summary>The partner gives up our lock <paramref name="hashTimeLock"/>: we hold its signed Disposed.</summary>
    public void PartnerDisposes(HashTimeLock hashTimeLock)
    {
        var channel = Us.Channel;
        var additionalHash = AdditionalHash(77);
        var signature = new DisposedProof(ChannelId, hashTimeLock.LockHash, additionalHash).Sign(PartnerKey, channel.Domain);
        Us.SetChannel(channel with { PartnerDisposals = channel.PartnerDisposals.Add(hashTimeLock.LockHash, new ProofSignature(additionalHash, signature)) });
    }

    /// <summary>We give up the partner's lock <paramref name="hashTimeLock"/> (we signed Disposed for it).</summary>
    public void WeDispose(HashTimeLock hashTimeLock)
    {
        var channel = Us.Channel;
        Us.SetChannel(channel with { Partner = channel.Partner with { DisposedLockHashes = channel.Partner.DisposedLockHashes.Add(hashTimeLock.LockHash) } });
    }

    /// <summary>Our node learns the secret <paramref name="n"/> (as from a RevealSecret).</summary>
    public void WeLearnSecret(int n) =>
        Us.State = Us.State with { Secrets = Us.State.Secrets.SetItem(SecretHash.Of(Secret(n)), Secret(n)) };

    /// <summary>Signs <paramref name="end"/> as the partner for <paramref name="message"/> and stores it once <paramref name="check"/> accepts it.</summary>
    private void Accept(Channel channel, ChannelEnd end, Message message, Func<ReceivedBalanceProof, Hash256, EndTransition> check)
    {
        var additionalHash = MessageCodec.AdditionalHash(message);
        var signature = end.ToBalanceProof(ChannelId, additionalHash).Sign(PartnerKey, channel.Domain);
        var received = new ReceivedBalanceProof(ChainId, TokenNetwork, ChannelId, end.Nonce, end.TransferredAmount, end.LockedAmount, end.Locksroot, signature);
        var accepted = check(received, additionalHash);
        Assert.True(accepted.IsAccepted, accepted.ToString());
        Us.SetChannel(channel with { Partner = accepted.End });
    }

    private static WireBalanceProof WireProof(Channel channel, ChannelEnd end) => new()
    {
        Channel = new ChannelRef { ChainId = channel.ChainId, TokenNetwork = WireValues.Encode(channel.TokenNetwork), ChannelId = WireValues.Encode(channel.ChannelId) },
        Nonce = end.Nonce,
        TransferredAmount = WireValues.Encode(end.TransferredAmount),
        LockedAmount = WireValues.Encode(end.LockedAmount),
        Locksroot = WireValues.Encode(end.Locksroot),
    };

    private static Message MediatedTransfer(Channel channel, ChannelEnd end, HashTimeLock hashTimeLock, Address initiator, Address target) => new()
    {
        MessageId = 5_000 + end.Nonce,
        MediatedTransfer = new MediatedTransfer
        {
            PaymentId = WireValues.Encode(new UInt256(end.Nonce)),
            Initiator = WireValues.Encode(initiator),
            Target = WireValues.Encode(target),
            TargetAmount = WireValues.Encode(hashTimeLock.Amount),
            Lock = new WireLock { Expiration = (ulong)hashTimeLock.Expiration, Amount = WireValues.Encode(hashTimeLock.Amount), SecretHash = WireValues.Encode(hashTimeLock.SecretHash) },
            BalanceProof = WireProof(channel, end),
        },
    };

    private static Message Deliver(TestNode from, TestNode to, ImmutableArray<Event> events)
    {
        var sent = Assert.Single(events.OfType<SendMessage>());
        // Over the wire: signed by the sender, opened (and its signer recovered) by the receiver.
        var opened = MessageCodec.Open(MessageCodec.Sign(sent.Message, from.Key));
        var received = to.Apply(new ReceiveMessage(opened.Sender, opened.Message));
        Assert.Empty(received.OfType<EventMessageRefused>());
        var ack = Assert.Single(received.OfType<SendMessage>());
        from.Apply(new ReceiveMessage(to.Address, ack.Message));
        return opened.Message;
    }
}
