using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.Channels;

public sealed class ChannelEndTests
{
    [Fact]
    public void Locked_amount_and_locksroot_follow_the_locks_through_with_expressions()
    {
        var end = new ChannelEnd(Us, 100) { Locks = [Lock(1, 10), Lock(2, 20)] };
        var changed = end with { Locks = [Lock(3, 5)] };

        Assert.Equal(new UInt256(30), end.LockedAmount);
        Assert.Equal(LocksMerkleTree.FromLocks([Lock(1, 10), Lock(2, 20)]).Root, end.Locksroot);
        Assert.Equal(new UInt256(5), changed.LockedAmount);
        Assert.Equal(Lock(3, 5).LockHash, changed.Locksroot);
        Assert.Equal(Hash256.Zero, new ChannelEnd(Us).Locksroot);
        Assert.Equal(Hash256.Zero, new ChannelEnd(Us).BalanceHash);
    }

    [Fact]
    public void Ends_are_equal_by_content_not_by_collection_instances()
    {
        var a = new ChannelEnd(Us, 100) { Nonce = 2, Locks = [Lock(1, 10)], DisposedLockHashes = [Lock(2, 20).LockHash] };
        var b = new ChannelEnd(Us, 100) { Nonce = 2, Locks = [Lock(1, 10)], DisposedLockHashes = [Lock(2, 20).LockHash] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Locks = [Lock(1, 11)] });
        Assert.NotEqual(a, b with { DisposedLockHashes = [] });
        Assert.NotEqual(a, b with { Nonce = 3 });
    }

    [Fact]
    public void An_end_with_two_identical_locks_cannot_be_built()
    {
        Assert.Throws<DuplicateLockException>(() => new ChannelEnd(Us) { Locks = [Lock(1, 10), Lock(1, 10)] });
    }

    [Fact]
    public void A_channel_derives_its_eip712_domain_from_chain_and_token_network()
    {
        var channel = Opened();
        var moved = channel with { ChainId = 1 };

        Assert.Equal(Contracts.Proofs.PhotonDomain.Create(ChainId, TokenNetwork), channel.Domain);
        Assert.Equal(Contracts.Proofs.PhotonDomain.Create(1, TokenNetwork), moved.Domain);
        Assert.Equal(Contracts.Proofs.PhotonDomain.Create(ChainId, Partner), (channel with { TokenNetwork = Partner }).Domain);
    }

    [Fact]
    public void A_channel_needs_two_participants_and_a_reveal_timeout_below_the_settle_timeout()
    {
        Assert.Throws<ArgumentException>(() => new Channel(ChainId, TokenNetwork, ChannelId, 500, 50, new ChannelEnd(Us), new ChannelEnd(Us)));
        Assert.Throws<ArgumentException>(() => new Channel(ChainId, TokenNetwork, ChannelId, 500, 500, new ChannelEnd(Us), new ChannelEnd(Partner)));
        Assert.Throws<ArgumentException>(() => new Channel(ChainId, TokenNetwork, ChannelId, 500, 0, new ChannelEnd(Us), new ChannelEnd(Partner)));
    }
}
