using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.Routing;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Tests.Network;
using Photon.Protocol.Wire;
using BalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Tests.Transfers;

/// <summary>Payment messages and actions a node must refuse, each leaving its state exactly as it was.</summary>
/// <remarks>A, B and C of a <see cref="TestNetwork"/>: A–B (100, 0) and B–C (80, 0); the payment is A's 20 to C through B.</remarks>
public sealed class PaymentRefusalTests
{
    private readonly TestNetwork _network = new(3, new Random(4));
    private readonly TestNode _a;
    private readonly TestNode _b;
    private readonly TestNode _c;
    private readonly PlannedPayment _payment;

    public PaymentRefusalTests()
    {
        (_a, _b, _c) = (_network["A"], _network["B"], _network["C"]);
        _network.OpenChannel(_a, _b, 100, 0);
        _network.OpenChannel(_b, _c, 80, 0);
        _payment = new PlannedPayment(_a, _c, 5, 20, Keccak256.Hash("payment refusals"), [new Route([_b.Address, _c.Address], UInt256.Zero)]);
    }

    [Fact]
    public void Refuses_a_secret_request_from_anyone_but_the_target()
    {
        StartPaymentWithTargetUnreachable();

        var request = SecretRequestFor(paymentId: 5, amount: 20);
        AssertRefused(_a, _b, request, RefusalReason.UnknownPayment);
    }

    [Fact]
    public void Refuses_a_secret_request_for_another_amount_and_keeps_the_secret()
    {
        StartPaymentWithTargetUnreachable();

        AssertRefused(_a, _c, SecretRequestFor(paymentId: 5, amount: 19), RefusalReason.UnknownPayment);
        Assert.DoesNotContain(_a.Events, e => e is SendMessage { Message.PayloadCase: Message.PayloadOneofCase.RevealSecret });
    }

    [Fact]
    public void Refuses_a_reveal_of_a_secret_that_matches_no_payment()
    {
        var reveal = new Message { MessageId = 9, RevealSecret = new RevealSecret { Secret = WireValues.Encode(new Hash256(Enumerable.Repeat((byte)9, 32).ToArray())) } };
        AssertRefused(_b, _a, reveal, RefusalReason.WrongSecret);
    }

    [Fact]
    public void Refuses_an_unlock_with_the_wrong_secret()
    {
        StartPaymentWithTargetUnreachable();
        var ab = _a.ChannelWith(_b);
        var wrongSecret = new Hash256(Enumerable.Repeat((byte)9, 32).ToArray());
        // The unlock A would send if this secret opened its lock: the lock gone, its amount transferred.
        var end = ab.Our with { Nonce = ab.Our.Nonce + 1, TransferredAmount = 20, Locks = [] };
        var message = new Message { MessageId = 99, Unlock = new Unlock { PaymentId = WireValues.Encode(new UInt256(5)), Secret = WireValues.Encode(wrongSecret) } };
        SignUnlockProof(ab, end, message, TestNetwork.KeyOf(0));

        AssertRefused(_b, _a, message, RefusalReason.UnknownLock);
    }

    [Fact]
    public void Refuses_an_announce_disposed_with_a_forged_signature()
    {
        StartPaymentWithTargetUnreachable();
        var ab = _a.ChannelWith(_b);
        var hashTimeLock = ab.Our.Locks.Single();
        var message = new Message
        {
            MessageId = 77,
            AnnounceDisposed = new AnnounceDisposed
            {
                Channel = new ChannelRef { ChainId = ab.ChainId, TokenNetwork = WireValues.Encode(ab.TokenNetwork), ChannelId = WireValues.Encode(ab.ChannelId) },
                Lock = new Messages.HashTimeLock { Expiration = (ulong)hashTimeLock.Expiration, Amount = WireValues.Encode(hashTimeLock.Amount), SecretHash = WireValues.Encode(hashTimeLock.SecretHash) },
                PaymentId = WireValues.Encode(new UInt256(5)),
            },
        };
        // Signed by C, a stranger to the channel, over exactly this message.
        var forged = new DisposedProof(ab.ChannelId, hashTimeLock.LockHash, MessageCodec.AdditionalHash(message)).Sign(TestNetwork.KeyOf(2), ab.Domain);
        message.AnnounceDisposed.DisposedSignature = WireValues.Encode(forged);

        AssertRefused(_a, _b, message, RefusalReason.InvalidProofSignature);
    }

    [Fact]
    public void Refuses_a_payment_above_the_distributable_balance()
    {
        var before = _a.State;
        var result = _network.Apply(_a, _payment.Action with { Amount = 101 });

        Assert.Equal(before, _a.State);
        var refused = Assert.IsType<EventActionRefused>(Assert.Single(result.Events));
        Assert.Equal(RefusalReason.InsufficientCapacity, refused.Refusal.Reason);
    }

    [Fact]
    public void Refuses_a_payment_whose_lock_would_outlive_the_settle_timeout()
    {
        var before = _a.State;
        var result = _network.Apply(_a, _payment.Action with { LockTimeout = 101 });

        Assert.Equal(before, _a.State);
        Assert.Equal(RefusalReason.LockExpirationTooFar, Assert.IsType<EventActionRefused>(Assert.Single(result.Events)).Refusal.Reason);
    }

    /// <summary>A locks 20 towards B and B forwards 20 towards C, but C is unreachable: both locks stay pending.</summary>
    private void StartPaymentWithTargetUnreachable()
    {
        _network.Disconnect(_c);
        _network.Apply(_a, _payment.Action);
        _network.RunUntilQuiet();
        Assert.Single(_a.ChannelWith(_b).Our.Locks);
        Assert.Single(_b.ChannelWith(_c).Our.Locks);
    }

    private void AssertRefused(TestNode node, TestNode sender, Message message, RefusalReason reason)
    {
        var before = node.State;
        var events = _network.Apply(node, new ReceiveMessage(sender.Address, message)).Events;

        Assert.Equal(before, node.State);
        var refused = Assert.Single(events.OfType<EventMessageRefused>());
        Assert.Equal(reason, refused.Refusal.Reason);
        // Only the information messages are acknowledged when refused (with Delivered); nothing else is sent.
        var acknowledged = message.PayloadCase is Message.PayloadOneofCase.SecretRequest or Message.PayloadOneofCase.RevealSecret;
        Assert.Equal(acknowledged ? 2 : 1, events.Length);
        if (acknowledged)
            Assert.Equal(Message.PayloadOneofCase.Delivered, Assert.IsType<SendMessage>(events[0]).Message.PayloadCase);
    }

    private Message SecretRequestFor(ulong paymentId, ulong amount) => new()
    {
        MessageId = 42,
        SecretRequest = new SecretRequest
        {
            PaymentId = WireValues.Encode(new UInt256(paymentId)),
            SecretHash = WireValues.Encode(_payment.SecretHash),
            Amount = WireValues.Encode(new UInt256(amount)),
            Expiration = (ulong)_a.ChannelWith(_b).Our.Locks.Single().Expiration,
        },
    };

    /// <summary>Puts into <paramref name="message"/>'s Unlock the proof of <paramref name="end"/>, signed by <paramref name="key"/>.</summary>
    private static void SignUnlockProof(Channel channel, ChannelEnd end, Message message, PrivateKey key)
    {
        var proof = new BalanceProof
        {
            Channel = new ChannelRef { ChainId = channel.ChainId, TokenNetwork = WireValues.Encode(channel.TokenNetwork), ChannelId = WireValues.Encode(channel.ChannelId) },
            Nonce = end.Nonce,
            TransferredAmount = WireValues.Encode(end.TransferredAmount),
            LockedAmount = WireValues.Encode(end.LockedAmount),
            Locksroot = WireValues.Encode(end.Locksroot),
        };
        message.Unlock.BalanceProof = proof;
        var additionalHash = MessageCodec.AdditionalHash(message);
        proof.Signature = WireValues.Encode(end.ToBalanceProof(channel.ChannelId, additionalHash).Sign(key, channel.Domain));
    }
}
