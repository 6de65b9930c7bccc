using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Relay.Crypto;

namespace Photon.Relay.Tests.Crypto;

public sealed class RelayEnvelopeTests : IDisposable
{
    private readonly PrivateKey _alice = PrivateKey.Generate();
    private readonly PrivateKey _bob = PrivateKey.Generate();
    private readonly PrivateKey _mallory = PrivateKey.Generate();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _mallory.Dispose();
    }

    private static RecipientKey KeyOf(PrivateKey key) => RecipientKey.Create(key.Address, key.PublicKey);

    private byte[] SealFromAliceToBob(EnvelopeId id, ulong messageId = 42) =>
        RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _alice.Address, id, TestMessages.Processed(_alice, messageId));

    [Fact]
    public void Opens_what_was_sealed_for_it_with_the_same_id_message_and_sender()
    {
        var id = EnvelopeId.New();
        var signed = TestMessages.Processed(_alice);

        var body = RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _alice.Address, id, signed);
        var opened = RelayEnvelope.Open(body, _alice.Address, new DerivedKeyCache(_bob));

        Assert.Equal(id, opened.Id);
        Assert.Equal(_alice.Address, opened.Message.Sender);
        Assert.Equal(Keccak256.Hash(signed.Body.Span), opened.Message.BodyHash);
        Assert.Equal(42ul, opened.Message.Message.MessageId);
    }

    [Fact]
    public void Lays_out_version_ephemeral_key_nonce_ciphertext_and_tag()
    {
        var key = SealingKey.Create(KeyOf(_bob));
        var signed = TestMessages.Processed(_alice);

        var body = RelayEnvelope.Seal(key, _alice.Address, EnvelopeId.New(), signed);

        Assert.Equal(RelayEnvelope.Overhead + signed.CalculateSize(), body.Length);
        Assert.Equal(0x01, body[0]);
        Assert.Equal(key.EphemeralPublicKey.ToArray(), body[1..65]);
        Assert.Equal(109, RelayEnvelope.Overhead);
    }

    [Fact]
    public void Draws_a_fresh_nonce_for_every_envelope_under_one_key()
    {
        var key = SealingKey.Create(KeyOf(_bob));
        var id = EnvelopeId.New();
        var signed = TestMessages.Processed(_alice);

        var first = RelayEnvelope.Seal(key, _alice.Address, id, signed);
        var second = RelayEnvelope.Seal(key, _alice.Address, id, signed);

        Assert.NotEqual(first[65..77], second[65..77]);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(RelayEnvelope.Overhead - 1)]
    public void Refuses_a_truncated_envelope(int length)
    {
        var body = SealFromAliceToBob(EnvelopeId.New())[..length];

        AssertRefused(EnvelopeRefusal.Truncated, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_an_envelope_longer_than_the_relay_limit_unread()
    {
        var body = new byte[RelayEnvelope.MaxLength + 1];
        body[0] = RelayEnvelope.Version;

        AssertRefused(EnvelopeRefusal.TooLarge, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    [InlineData(0xff)]
    public void Refuses_an_envelope_of_another_version(byte version)
    {
        var body = SealFromAliceToBob(EnvelopeId.New());
        body[0] = version;

        AssertRefused(EnvelopeRefusal.UnsupportedVersion, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_an_ephemeral_key_that_is_not_a_curve_point()
    {
        var body = SealFromAliceToBob(EnvelopeId.New());
        body.AsSpan(1, 64).Fill(0x01);

        AssertRefused(EnvelopeRefusal.InvalidEphemeralKey, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_an_envelope_whose_ephemeral_key_was_replaced_by_another_valid_key()
    {
        var body = SealFromAliceToBob(EnvelopeId.New());
        _mallory.PublicKey.CopyTo(body.AsSpan(1, 64));

        AssertRefused(EnvelopeRefusal.AuthenticationFailed, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("id")]
    [InlineData("message")]
    [InlineData("tag")]
    public void Refuses_an_envelope_with_a_flipped_bit(string where)
    {
        var body = SealFromAliceToBob(EnvelopeId.New());
        var index = where switch
        {
            "nonce" => 70,
            "id" => RelayEnvelope.HeaderLength + 3,
            "message" => RelayEnvelope.HeaderLength + EnvelopeId.Length + 5,
            _ => body.Length - 1,
        };
        body[index] ^= 0x10;

        AssertRefused(EnvelopeRefusal.AuthenticationFailed, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_a_plaintext_that_is_not_a_signed_message()
    {
        var body = RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _alice.Address, EnvelopeId.New(), [0x0a, 0x03, 0x01, 0x02]);

        AssertRefused(EnvelopeRefusal.InvalidSignedMessage, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_a_signed_message_whose_signature_does_not_verify()
    {
        var signed = TestMessages.Processed(_alice);
        var forged = new Photon.Protocol.Messages.SignedMessage { Body = signed.Body, Signature = ByteString.CopyFrom(new byte[65]) };
        var body = RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _alice.Address, EnvelopeId.New(), forged);

        AssertRefused(EnvelopeRefusal.InvalidSignedMessage, body, _alice.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void Refuses_a_message_signed_by_someone_other_than_the_sender_who_sealed_it()
    {
        // Mallory re-sends a message Alice signed (say, one Alice sent to Mallory) as her own envelope.
        var signedByAlice = TestMessages.Processed(_alice);
        var body = RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _mallory.Address, EnvelopeId.New(), signedByAlice);

        AssertRefused(EnvelopeRefusal.SignerIsNotSender, body, _mallory.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void A_relay_cannot_attribute_a_message_to_another_sender()
    {
        var body = SealFromAliceToBob(EnvelopeId.New());

        AssertRefused(EnvelopeRefusal.AuthenticationFailed, body, _mallory.Address, new DerivedKeyCache(_bob));
    }

    [Fact]
    public void A_relay_cannot_redirect_a_message_to_another_recipient()
    {
        var body = SealFromAliceToBob(EnvelopeId.New());

        AssertRefused(EnvelopeRefusal.AuthenticationFailed, body, _alice.Address, new DerivedKeyCache(_mallory));
    }

    [Fact]
    public void A_relay_cannot_swap_the_bodies_of_two_senders()
    {
        // Mallory's envelope to Bob, delivered by the relay as if Alice had sent it.
        var fromMallory = RelayEnvelope.Seal(SealingKey.Create(KeyOf(_bob)), _mallory.Address, EnvelopeId.New(), TestMessages.Processed(_mallory));
        var keys = new DerivedKeyCache(_bob);

        AssertRefused(EnvelopeRefusal.AuthenticationFailed, fromMallory, _alice.Address, keys);
        Assert.Equal(_mallory.Address, RelayEnvelope.Open(fromMallory, _mallory.Address, keys).Message.Sender);
    }

    [Fact]
    public void Open_throws_a_refusal_that_names_the_reason()
    {
        var body = SealFromAliceToBob(EnvelopeId.New());

        var refused = Assert.Throws<EnvelopeRefusedException>(() => RelayEnvelope.Open(body, _mallory.Address, new DerivedKeyCache(_bob)));

        Assert.Equal(EnvelopeRefusal.AuthenticationFailed, refused.Reason);
        Assert.Contains(_mallory.Address.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caches_one_derived_key_per_ephemeral_key_and_only_once_it_authenticated()
    {
        var key = SealingKey.Create(KeyOf(_bob));
        var keys = new DerivedKeyCache(_bob);
        var first = RelayEnvelope.Seal(key, _alice.Address, EnvelopeId.New(), TestMessages.Processed(_alice, 1));
        var second = RelayEnvelope.Seal(key, _alice.Address, EnvelopeId.New(), TestMessages.Processed(_alice, 2));

        Assert.False(RelayEnvelope.TryOpen(first, _mallory.Address, keys, out _, out _, out _));
        Assert.Equal(0, keys.Count);
        Assert.True(RelayEnvelope.TryOpen(first, _alice.Address, keys, out _, out _, out _));
        Assert.True(RelayEnvelope.TryOpen(second, _alice.Address, keys, out var opened, out _, out _));
        Assert.Equal(1, keys.Count);
        Assert.Equal(2ul, opened.Message.Message.MessageId);
    }

    [Fact]
    public void Forgets_the_least_recently_used_key_past_its_capacity_and_derives_it_again()
    {
        var keys = new DerivedKeyCache(_bob, capacity: 2);
        var bodies = Enumerable.Range(0, 3).Select(i => SealFromAliceToBob(EnvelopeId.New(), (ulong)i + 1)).ToArray();

        foreach (var body in bodies)
            RelayEnvelope.Open(body, _alice.Address, keys);

        Assert.Equal(2, keys.Count);
        Assert.Equal(1ul, RelayEnvelope.Open(bodies[0], _alice.Address, keys).Message.Message.MessageId);
        Assert.Equal(2, keys.Count);
    }

    [Fact]
    public void Refuses_to_seal_more_than_the_relay_accepts()
    {
        var key = SealingKey.Create(KeyOf(_bob));

        Assert.Throws<ArgumentException>(() => RelayEnvelope.Seal(key, _alice.Address, EnvelopeId.New(), new byte[RelayEnvelope.MaxLength - RelayEnvelope.Overhead + 1]));
    }

    private static void AssertRefused(EnvelopeRefusal expected, byte[] body, Address from, DerivedKeyCache keys)
    {
        var opened = RelayEnvelope.TryOpen(body, from, keys, out var envelope, out var refusal, out var problem);

        Assert.False(opened);
        Assert.Null(envelope);
        Assert.Equal(expected, refusal);
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
