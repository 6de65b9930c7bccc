using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using BalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Tests.Transfers;

/// <summary>Payment messages a node must refuse, each leaving its state exactly as it was.</summary>
public sealed class PaymentRefusalTests
{
    private readonly MiniNet _net = new();
    private readonly Address _a;
    private readonly Address _b;
    private readonly Address _c;

    public PaymentRefusalTests()
    {
        _a = _net.AddNode(1);
        _b = _net.AddNode(2);
        _c = _net.AddNode(3);
        _net.Open(_a, _b, 100, 0);
        _net.Open(_b, _c, 80, 0);
    }

    [Fact]
    public void Refuses_a_secret_request_from_anyone_but_the_target()
    {
        _net.Offline.Add(_c);
        _net.Pay(_a, _c, 20, 5, [_b, _c]);
        _net.Run();

        var request = SecretRequestFor(paymentId: 5, amount: 20);
        AssertRefused(_a, _b, request, RefusalReason.UnknownPayment);
    }

    [Fact]
    public void Refuses_a_secret_request_for_another_amount_and_keeps_the_secret()
    {
        _net.Offline.Add(_c);
        _net.Pay(_a, _c, 20, 5, [_b, _c]);
        _net.Run();

        AssertRefused(_a, _c, SecretRequestFor(paymentId: 5, amount: 19), RefusalReason.UnknownPayment);
        Assert.DoesNotContain(_net.Events, e => e.Event is SendMessage { Message.PayloadCase: Message.PayloadOneofCase.RevealSecret });
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
        _net.Offline.Add(_c);
        _net.Pay(_a, _c, 20, 5, [_b, _c]);
        _net.Run();
        var ab = _net.Channel(_a, _b);
        var wrongSecret = new Hash256(Enumerable.Repeat((byte)9, 32).ToArray());
        // The unlock A would send if this secret opened its lock: the lock gone, its amount transferred.
        var end = ab.Our with { Nonce = ab.Our.Nonce + 1, TransferredAmount = 20, Locks = [] };
        var message = new Message { MessageId = 99, Unlock = new Unlock { PaymentId = WireValues.Encode(new UInt256(5)), Secret = WireValues.Encode(wrongSecret) } };
        SignUnlockProof(ab, end, message, Key(1));

        AssertRefused(_b, _a, message, RefusalReason.UnknownLock);
    }

    [Fact]
    public void Refuses_an_announce_disposed_with_a_forged_signature()
    {
        _net.Offline.Add(_c);
        _net.Pay(_a, _c, 20, 5, [_b, _c]);
        _net.Run();
        var ab = _net.Channel(_a, _b);
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
        var forged = new DisposedProof(ab.ChannelId, hashTimeLock.LockHash, MessageCodec.AdditionalHash(message)).Sign(Key(3), ab.Domain);
        message.AnnounceDisposed.DisposedSignature = WireValues.Encode(forged);

        AssertRefused(_a, _b, message, RefusalReason.InvalidProofSignature);
    }

    [Fact]
    public void Refuses_a_payment_above_the_distributable_balance()
    {
        var before = _net.States[_a];
        _net.Pay(_a, _c, 101, 5, [_b, _c]);

        Assert.Equal(before, _net.States[_a]);
        var refused = Assert.IsType<EventActionRefused>(_net.Events[^1].Event);
        Assert.Equal(RefusalReason.InsufficientCapacity, refused.Refusal.Reason);
    }

    [Fact]
    public void Refuses_a_payment_whose_lock_would_outlive_the_settle_timeout()
    {
        var before = _net.States[_a];
        _net.Apply(_a, new ActionInitPayment(MiniNet.TokenNetwork, 5, _c, 20, new Hash256(Enumerable.Repeat((byte)5, 32).ToArray()),
            [new Routing.Route([_b, _c], UInt256.Zero)], LockTimeout: 101));

        Assert.Equal(before, _net.States[_a]);
        Assert.Equal(RefusalReason.LockExpirationTooFar, Assert.IsType<EventActionRefused>(_net.Events[^1].Event).Refusal.Reason);
    }

    private void AssertRefused(Address node, Address sender, Message message, RefusalReason reason)
    {
        var before = _net.States[node];
        var count = _net.Events.Count;
        _net.Apply(node, new ReceiveMessage(sender, message));

        Assert.Equal(before, _net.States[node]);
        var events = _net.Events.Skip(count).Select(e => e.Event).ToList();
        var refused = Assert.Single(events.OfType<EventMessageRefused>());
        Assert.Equal(reason, refused.Refusal.Reason);
        // Only the information messages are acknowledged when refused (with Delivered); nothing else is sent.
        var acknowledged = message.PayloadCase is Message.PayloadOneofCase.SecretRequest or Message.PayloadOneofCase.RevealSecret;
        Assert.Equal(acknowledged ? 2 : 1, events.Count);
        if (acknowledged)
            Assert.Equal(Message.PayloadOneofCase.Delivered, Assert.IsType<SendMessage>(events[0]).Message.PayloadCase);
    }

    private static Message SecretRequestFor(ulong paymentId, ulong amount) => new()
    {
        MessageId = 42,
        SecretRequest = new SecretRequest
        {
            PaymentId = WireValues.Encode(new UInt256(paymentId)),
            SecretHash = WireValues.Encode(SecretHash.Of(MiniNet.SecretOf(5))),
            Amount = WireValues.Encode(new UInt256(amount)),
            Expiration = 30,
        },
    };

    private static PrivateKey Key(int seed) => MiniNet.KeyOf(seed);

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
