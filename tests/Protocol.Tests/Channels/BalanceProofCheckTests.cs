using Google.Protobuf;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.Channels;

public sealed class BalanceProofCheckTests
{
    private static readonly Hash256 Additional = AdditionalHash(1);

    /// <summary>The partner's proof of a direct transfer of 100 on a fresh channel, and the channel.</summary>
    private static (Channel Channel, ReceivedBalanceProof Proof) DirectTransferOf100()
    {
        var channel = Opened();
        var expected = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Partner, 100));
        return (channel, SignedProof(expected, Additional));
    }

    private static void AssertRefusedUnchanged(Channel channel, EndTransition result, RefusalReason reason)
    {
        var before = channel with { };
        AssertRefused(result, reason);
        Assert.Equal(before, channel);
    }

    [Fact]
    public void Accepts_the_partners_direct_transfer_with_the_next_nonce_and_records_its_signature()
    {
        var (channel, proof) = DirectTransferOf100();

        var end = Expect(BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, Additional, 100));

        Assert.Equal(new UInt256(100), end.TransferredAmount);
        Assert.Equal(1UL, end.Nonce);
        Assert.Empty(end.Locks);
        Assert.Equal(new ProofSignature(Additional, proof.Signature), end.Signature);
        Assert.Equal(new UInt256(900), Balances.Distributable(end, channel.Our));
        Assert.Equal(new UInt256(1_100), Balances.Distributable(channel.Our, end));
    }

    [Fact]
    public void The_recorded_proof_is_the_one_the_contract_would_accept_from_the_partner()
    {
        var (channel, proof) = DirectTransferOf100();

        var end = Expect(BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, Additional, 100));

        var onChain = end.ToBalanceProof(channel.ChannelId, end.Signature!.AdditionalHash);
        Assert.Equal(Partner, onChain.RecoverSigner(channel.Domain, end.Signature.Signature));
        Assert.Equal(BalanceHash.Compute(100, Hash256.Zero), onChain.BalanceHash);
    }

    [Fact]
    public void Refuses_a_proof_sent_by_anyone_but_the_partner()
    {
        var (channel, proof) = DirectTransferOf100();

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, StrangerKey.Address, proof, Additional, 100), RefusalReason.NotFromPartner);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Us, proof, Additional, 100), RefusalReason.NotFromPartner);
    }

    [Fact]
    public void Refuses_a_proof_naming_another_chain_token_network_or_channel()
    {
        var (channel, proof) = DirectTransferOf100();

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof with { ChainId = 1 }, Additional, 100), RefusalReason.WrongChainId);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof with { TokenNetwork = StrangerKey.Address }, Additional, 100), RefusalReason.WrongTokenNetwork);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof with { ChannelId = 8 }, Additional, 100), RefusalReason.WrongChannelId);
    }

    [Fact]
    public void Refuses_a_proof_signed_for_another_chain_id_or_token_network()
    {
        var channel = Opened();
        var expected = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Partner, 100));
        var otherChain = SignedProof(expected, Additional, domain: PhotonDomain.Create(1, TokenNetwork));
        var otherNetwork = SignedProof(expected, Additional, domain: PhotonDomain.Create(ChainId, StrangerKey.Address));

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, otherChain, Additional, 100), RefusalReason.InvalidSignature);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, otherNetwork, Additional, 100), RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Refuses_a_proof_signed_by_another_key()
    {
        var channel = Opened();
        var expected = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Partner, 100));

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, SignedProof(expected, Additional, StrangerKey), Additional, 100), RefusalReason.InvalidSignature);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, SignedProof(expected, Additional, OurKey), Additional, 100), RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Refuses_a_signature_over_other_fields_than_those_received()
    {
        var (channel, proof) = DirectTransferOf100();

        // Another message (additional hash), another amount or another locksroot than the partner signed.
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, AdditionalHash(2), 100), RefusalReason.InvalidSignature);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof with { TransferredAmount = 101 }, Additional, 101), RefusalReason.InvalidSignature);
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof with { Locksroot = AdditionalHash(3) }, Additional, 100), RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Refuses_any_proof_once_the_channel_is_closed()
    {
        var (channel, proof) = DirectTransferOf100();
        var closed = channel with { Status = ChannelStatus.Closed };

        AssertRefusedUnchanged(closed, BalanceProofCheck.CheckDirectTransfer(closed, Partner, proof, Additional, 100), RefusalReason.ChannelNotOpened);
    }

    [Theory]
    [InlineData(4UL, true)]
    [InlineData(3UL, false)]
    [InlineData(2UL, false)]
    [InlineData(5UL, false)]
    [InlineData(0UL, false)]
    public void Accepts_only_the_previous_nonce_plus_one(ulong nonce, bool accepted)
    {
        var channel = Opened();
        channel = channel with { Partner = channel.Partner with { Nonce = 3, TransferredAmount = 50 } };
        var proof = SignedProof(nonce, 60, 0, Hash256.Zero, Additional);

        var result = BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, Additional, 10);

        if (accepted)
            Assert.Equal(4UL, Expect(result).Nonce);
        else
            AssertRefusedUnchanged(channel, result, RefusalReason.WrongNonce);
    }

    [Fact]
    public void Refuses_a_nonce_of_two_to_the_48()
    {
        var channel = Opened();
        channel = channel with { Partner = channel.Partner with { Nonce = ChannelTransitions.NonceLimit - 1 } };
        var proof = SignedProof(ChannelTransitions.NonceLimit, 10, 0, Hash256.Zero, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, Additional, 10), RefusalReason.NonceLimitReached);
    }

    [Fact]
    public void Refuses_a_transferred_amount_below_the_previous_one()
    {
        var channel = Opened();
        channel = channel with { Partner = channel.Partner with { Nonce = 3, TransferredAmount = 100 } };
        var expected = channel.Partner with { Nonce = 4, TransferredAmount = 50 };

        AssertRefusedUnchanged(channel, BalanceProofCheck.Check(channel, Partner, SignedProof(expected, Additional), Additional, expected), RefusalReason.TransferredAmountDecreased);
    }

    [Fact]
    public void Refuses_a_transferred_amount_other_than_the_transition_produces()
    {
        var channel = Opened();
        var proof = SignedProof(1, 99, 0, Hash256.Zero, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, Additional, 100), RefusalReason.TransferredAmountMismatch);
    }

    [Fact]
    public void Refuses_a_locked_amount_other_than_the_sum_of_the_new_locks()
    {
        var channel = Opened();
        var hashTimeLock = Lock(1, 30);
        var expected = Expect(ChannelTransitions.ApplyLock(channel, Partner, hashTimeLock, block: 10));
        var proof = SignedProof(expected.Nonce, 0, 29, expected.Locksroot, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckLock(channel, Partner, proof, Additional, hashTimeLock, block: 10), RefusalReason.LockedAmountMismatch);
    }

    [Fact]
    public void Refuses_a_locksroot_other_than_the_root_of_the_new_locks()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Partner, Lock(1, 10), block: 10)));
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Partner, Lock(2, 20), block: 10)));
        var added = Lock(3, 30);
        // The same three locks in another order: same amount, another tree (with two leaves the sorted
        // pair would hide the order; with three the odd leaf is carried up from another position).
        var reordered = LocksMerkleTree.FromLocks([added, Lock(1, 10), Lock(2, 20)]).Root;
        Assert.NotEqual(LocksMerkleTree.FromLocks([Lock(1, 10), Lock(2, 20), added]).Root, reordered);
        var proof = SignedProof(3, 0, 60, reordered, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckLock(channel, Partner, proof, Additional, added, block: 10), RefusalReason.LocksrootMismatch);
    }

    [Fact]
    public void Accepts_the_partners_transferred_plus_locked_up_to_exactly_what_it_can_pay()
    {
        var channel = Opened(ourDeposit: 1_000, partnerDeposit: 500);
        channel = channel with { Our = channel.Our with { Nonce = 1, TransferredAmount = 70 }, Partner = channel.Partner with { TotalWithdraw = 20 } };
        // The partner can pay 500 − 20 + 70 = 550.
        var hashTimeLock = Lock(1, 400);
        channel = channel.WithEnd(Expect(BalanceProofCheck.CheckLock(channel, Partner, SignedProof(1, 0, 400, hashTimeLock.LockHash, Additional), Additional, hashTimeLock, block: 10)));

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, SignedProof(2, 151, 400, hashTimeLock.LockHash, Additional), Additional, 151), RefusalReason.InsufficientCapacity);
        var end = Expect(BalanceProofCheck.CheckDirectTransfer(channel, Partner, SignedProof(2, 150, 400, hashTimeLock.LockHash, Additional), Additional, 150));
        Assert.Equal(UInt256.Zero, Balances.Distributable(end, channel.Our));
    }

    [Fact]
    public void Refuses_proof_amounts_beyond_capacity_even_when_they_match_the_expected_state()
    {
        var channel = Opened(partnerDeposit: 500);
        var expected = channel.Partner with { Nonce = 1, TransferredAmount = 501 };

        AssertRefusedUnchanged(channel, BalanceProofCheck.Check(channel, Partner, SignedProof(expected, Additional), Additional, expected), RefusalReason.InsufficientCapacity);
        var huge = SignedProof(1, UInt256.MaxValue, UInt256.MaxValue, Hash256.Zero, Additional);
        AssertRefusedUnchanged(channel, BalanceProofCheck.Check(channel, Partner, huge, Additional, expected), RefusalReason.InsufficientCapacity);
    }

    [Fact]
    public void Refuses_the_partners_lock_when_its_transition_refuses_it()
    {
        var opened = Opened();
        var disposed = Lock(1, 10);
        var channel = opened with { Partner = opened.Partner with { DisposedLockHashes = [disposed.LockHash] } };
        var proof = SignedProof(1, 0, 10, disposed.LockHash, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckLock(channel, Partner, proof, Additional, disposed, block: 10), RefusalReason.DisposedLock);
        var tooLong = Lock(1, 10, expiration: 10 + SettleTimeout + 1);
        AssertRefusedUnchanged(opened, BalanceProofCheck.CheckLock(opened, Partner, SignedProof(1, 0, 10, tooLong.LockHash, Additional), Additional, tooLong, block: 10), RefusalReason.LockExpirationTooFar);
        Expect(BalanceProofCheck.CheckLock(opened, Partner, proof, Additional, disposed, block: 10));
    }

    [Fact]
    public void Accepts_a_partners_lock_that_expired_on_its_way()
    {
        var hashTimeLock = Lock(1, 10, expiration: 300);
        var proof = SignedProof(1, 0, 10, hashTimeLock.LockHash, Additional);

        var end = Expect(BalanceProofCheck.CheckLock(Opened(), Partner, proof, Additional, hashTimeLock, block: 300));

        Assert.Equal([hashTimeLock], end.Locks);
    }

    [Fact]
    public void Refuses_a_duplicate_lock_from_the_partner()
    {
        var channel = Opened();
        var hashTimeLock = Lock(1, 10);
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Partner, hashTimeLock, block: 10)));
        var proof = SignedProof(2, 0, 20, channel.Partner.Locksroot, Additional);

        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckLock(channel, Partner, proof, Additional, hashTimeLock, block: 10), RefusalReason.DuplicateLock);
    }

    [Fact]
    public void Accepts_the_partners_lock_unlock_and_expiry_with_exact_amounts()
    {
        var channel = Opened();
        var first = Lock(1, 30, expiration: 200);
        var second = Lock(2, 45, expiration: 250);

        channel = channel.WithEnd(Expect(BalanceProofCheck.CheckLock(channel, Partner, SignedProof(1, 0, 30, first.LockHash, AdditionalHash(1)), AdditionalHash(1), first, block: 10)));
        var bothRoot = LocksMerkleTree.FromLocks([first, second]).Root;
        channel = channel.WithEnd(Expect(BalanceProofCheck.CheckLock(channel, Partner, SignedProof(2, 0, 75, bothRoot, AdditionalHash(2)), AdditionalHash(2), second, block: 11)));
        Assert.Equal(new UInt256(75), channel.Partner.LockedAmount);

        channel = channel.WithEnd(Expect(BalanceProofCheck.CheckUnlock(channel, Partner, SignedProof(3, 30, 45, second.LockHash, AdditionalHash(3)), AdditionalHash(3), Secret(1))));
        Assert.Equal(new UInt256(30), channel.Partner.TransferredAmount);
        Assert.Equal([second], channel.Partner.Locks);

        var early = SignedProof(4, 30, 0, Hash256.Zero, AdditionalHash(4));
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckLockExpired(channel, Partner, early, AdditionalHash(4), second.SecretHash, block: 250), RefusalReason.LockNotExpired);
        channel = channel.WithEnd(Expect(BalanceProofCheck.CheckLockExpired(channel, Partner, early, AdditionalHash(4), second.SecretHash, block: 251)));

        Assert.Equal(new UInt256(30), channel.Partner.TransferredAmount);
        Assert.Equal(UInt256.Zero, channel.Partner.LockedAmount);
        Assert.Equal(4UL, channel.Partner.Nonce);
        Assert.Equal(new UInt256(970), Balances.Distributable(channel.Partner, channel.Our));
        Assert.Equal(new UInt256(1_030), Balances.Distributable(channel.Our, channel.Partner));
    }

    [Fact]
    public void Accepts_a_direct_transfer_message_signed_and_sent_over_the_wire_and_refuses_it_in_another_message()
    {
        var channel = Opened();
        var expected = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Partner, 100));
        var message = new Message
        {
            MessageId = 5,
            DirectTransfer = new DirectTransfer
            {
                PaymentId = WireValues.Encode(new UInt256(77)),
                BalanceProof = new Messages.BalanceProof
                {
                    Channel = new ChannelRef { ChainId = ChainId, TokenNetwork = WireValues.Encode(TokenNetwork), ChannelId = WireValues.Encode(ChannelId) },
                    Nonce = expected.Nonce,
                    TransferredAmount = WireValues.Encode(expected.TransferredAmount),
                    LockedAmount = WireValues.Encode(expected.LockedAmount),
                    Locksroot = WireValues.Encode(expected.Locksroot),
                },
            },
        };
        var additionalHash = MessageCodec.AdditionalHash(message);
        var signature = expected.ToBalanceProof(channel.ChannelId, additionalHash).Sign(PartnerKey, channel.Domain);
        message.DirectTransfer.BalanceProof.Signature = WireValues.Encode(signature);

        var received = MessageCodec.Open(MessageCodec.Sign(message, PartnerKey).ToByteArray());
        var proof = ReceivedBalanceProof.Read(received.Message.DirectTransfer.BalanceProof);
        var end = Expect(BalanceProofCheck.CheckDirectTransfer(channel, received.Sender, proof, MessageCodec.AdditionalHash(received.Message), 100));
        Assert.Equal(new UInt256(100), end.TransferredAmount);

        // The same proof lifted into a message with another id no longer matches its signature.
        var lifted = received.Message.Clone();
        lifted.MessageId = 6;
        AssertRefusedUnchanged(channel, BalanceProofCheck.CheckDirectTransfer(channel, Partner, proof, MessageCodec.AdditionalHash(lifted), 100), RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Reading_a_proof_without_its_channel_reference_is_an_invalid_message()
    {
        var proof = new Messages.BalanceProof { Nonce = 1, Locksroot = ByteString.CopyFrom(new byte[32]), Signature = ByteString.CopyFrom(new byte[65]) };

        Assert.Throws<InvalidMessageException>(() => ReceivedBalanceProof.Read(proof));
    }

    [Fact]
    public void An_expected_end_of_someone_else_is_a_programming_error()
    {
        var (channel, proof) = DirectTransferOf100();

        Assert.Throws<ArgumentException>(() => BalanceProofCheck.Check(channel, Partner, proof, Additional, channel.Our with { Nonce = 1 }));
    }
}
