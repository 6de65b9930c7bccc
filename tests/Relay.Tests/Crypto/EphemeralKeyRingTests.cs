using Photon.Ethereum.Crypto;
using Photon.Relay.Crypto;

namespace Photon.Relay.Tests.Crypto;

public sealed class EphemeralKeyRingTests : IDisposable
{
    private readonly PrivateKey _bob = PrivateKey.Generate();
    private readonly PrivateKey _carol = PrivateKey.Generate();
    private readonly ManualTimeProvider _time = new();

    public void Dispose()
    {
        _bob.Dispose();
        _carol.Dispose();
    }

    private static RecipientKey KeyOf(PrivateKey key) => RecipientKey.Create(key.Address, key.PublicKey);

    [Fact]
    public void Defaults_to_ten_thousand_messages_or_ten_minutes_per_key()
    {
        var ring = new EphemeralKeyRing(_time);

        Assert.Equal(10_000, ring.MaxMessagesPerKey);
        Assert.Equal(TimeSpan.FromMinutes(10), ring.MaxKeyAge);
    }

    [Fact]
    public void Keeps_one_key_per_recipient()
    {
        var ring = new EphemeralKeyRing(_time);

        var first = ring.KeyFor(KeyOf(_bob));
        var again = ring.KeyFor(KeyOf(_bob));
        var forCarol = ring.KeyFor(KeyOf(_carol));

        Assert.Same(first, again);
        Assert.NotSame(first, forCarol);
        Assert.Equal(_bob.Address, first.Recipient);
        Assert.Equal(_carol.Address, forCarol.Recipient);
        Assert.False(first.EphemeralPublicKey.SequenceEqual(forCarol.EphemeralPublicKey));
        Assert.Equal(2, ring.Count);
    }

    [Fact]
    public void Rotates_a_key_after_its_message_budget()
    {
        var ring = new EphemeralKeyRing(_time, maxMessagesPerKey: 3);
        var bob = KeyOf(_bob);

        var keys = Enumerable.Range(0, 7).Select(_ => ring.KeyFor(bob)).ToArray();

        Assert.Equal(3, keys.Distinct().Count());
        Assert.All(keys[..3], k => Assert.Same(keys[0], k));
        Assert.All(keys[3..6], k => Assert.Same(keys[3], k));
        Assert.NotSame(keys[3], keys[6]);
    }

    [Fact]
    public void Rotates_a_key_once_it_reaches_its_age_and_not_before()
    {
        var ring = new EphemeralKeyRing(_time, maxKeyAge: TimeSpan.FromMinutes(10));
        var bob = KeyOf(_bob);
        var first = ring.KeyFor(bob);

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        var justBefore = ring.KeyFor(bob);
        _time.Advance(TimeSpan.FromTicks(1));
        var atAge = ring.KeyFor(bob);

        Assert.Same(first, justBefore);
        Assert.NotSame(first, atAge);
    }

    [Fact]
    public void A_rotated_key_still_seals_envelopes_the_recipient_opens()
    {
        var ring = new EphemeralKeyRing(_time, maxMessagesPerKey: 1);
        var keys = new DerivedKeyCache(_bob);
        using var alice = PrivateKey.Generate();

        for (ulong i = 1; i <= 3; i++)
        {
            var body = RelayEnvelope.Seal(ring.KeyFor(KeyOf(_bob)), alice.Address, EnvelopeId.New(), TestMessages.Processed(alice, i));
            Assert.Equal(i, RelayEnvelope.Open(body, alice.Address, keys).Message.Message.MessageId);
        }
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public void Forgets_expired_keys_of_recipients_it_no_longer_writes_to()
    {
        var ring = new EphemeralKeyRing(_time, maxKeyAge: TimeSpan.FromMinutes(1));
        var recipients = Enumerable.Range(0, 1024).Select(_ =>
        {
            using var key = PrivateKey.Generate();
            return KeyOf(key);
        }).ToList();
        foreach (var recipient in recipients[..1023])
            ring.KeyFor(recipient);
        _time.Advance(TimeSpan.FromMinutes(2));

        ring.KeyFor(recipients[1023]);

        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void Refuses_a_budget_below_one_message_or_a_non_positive_age()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EphemeralKeyRing(_time, maxMessagesPerKey: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EphemeralKeyRing(_time, maxKeyAge: TimeSpan.Zero));
    }
}
