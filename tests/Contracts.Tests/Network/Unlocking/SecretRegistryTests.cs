using System.Security.Cryptography;
using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>The deployed SecretRegistry: the first registration of a secret, under its sha256, is the one that counts.</summary>
public sealed class SecretRegistryTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task Registering_a_secret_records_its_block_under_the_sha256_and_emits_SecretRevealed()
    {
        var secret = RandomSecret();
        var secretHash = SecretHash.Of(secret);
        Assert.True(await WouldRegisterAsync(secret));

        var receipt = await fixture.Secrets.RegisterSecretAsync(secret);

        var revealed = Assert.Single(fixture.Secrets.EventsOf(receipt).OfType<SecretRevealed>());
        Assert.Equal(secretHash, revealed.SecretHash);
        Assert.Equal(secret, revealed.Secret);
        Assert.Equal(receipt.BlockNumber, revealed.BlockNumber);
        Assert.Equal(new UInt256(receipt.BlockNumber), await fixture.Secrets.GetSecretRevealBlockHeightAsync(secretHash));
        // Keyed by sha256, not keccak256.
        Assert.Equal(UInt256.Zero, await fixture.Secrets.GetSecretRevealBlockHeightAsync(Keccak256.Hash(secret.ToArray())));
    }

    [Fact]
    public async Task An_unknown_secret_hash_has_no_reveal_block()
    {
        Assert.Equal(UInt256.Zero, await fixture.Secrets.GetSecretRevealBlockHeightAsync(SecretHash.Of(RandomSecret())));
    }

    [Fact]
    public async Task Registering_a_secret_again_returns_false_and_keeps_the_first_block()
    {
        var secret = RandomSecret();
        var first = await fixture.Secrets.RegisterSecretAsync(secret);
        await fixture.MineAsync(3);

        Assert.False(await WouldRegisterAsync(secret));
        var again = await fixture.Secrets.RegisterSecretAsync(secret);

        Assert.True(again.BlockNumber > first.BlockNumber);
        Assert.Empty(fixture.Secrets.EventsOf(again));
        Assert.Equal(new UInt256(first.BlockNumber), await fixture.Secrets.GetSecretRevealBlockHeightAsync(SecretHash.Of(secret)));
    }

    [Fact]
    public async Task A_batch_registers_the_new_secrets_and_skips_known_and_repeated_ones()
    {
        var known = RandomSecret();
        var knownReceipt = await fixture.Secrets.RegisterSecretAsync(known);
        var (fresh1, fresh2) = (RandomSecret(), RandomSecret());
        await fixture.MineAsync(2);

        var receipt = await fixture.Secrets.RegisterSecretBatchAsync([fresh1, known, fresh2, fresh1]);

        var revealed = fixture.Secrets.EventsOf(receipt).OfType<SecretRevealed>().ToList();
        Assert.Equal([fresh1, fresh2], revealed.Select(e => e.Secret));
        Assert.Equal([SecretHash.Of(fresh1), SecretHash.Of(fresh2)], revealed.Select(e => e.SecretHash));
        Assert.Equal(new UInt256(receipt.BlockNumber), await fixture.Secrets.GetSecretRevealBlockHeightAsync(SecretHash.Of(fresh1)));
        Assert.Equal(new UInt256(receipt.BlockNumber), await fixture.Secrets.GetSecretRevealBlockHeightAsync(SecretHash.Of(fresh2)));
        Assert.Equal(new UInt256(knownReceipt.BlockNumber), await fixture.Secrets.GetSecretRevealBlockHeightAsync(SecretHash.Of(known)));
    }

    [Fact]
    public async Task An_empty_batch_registers_nothing()
    {
        var receipt = await fixture.Secrets.RegisterSecretBatchAsync([]);

        Assert.True(receipt.Succeeded);
        Assert.Empty(fixture.Secrets.EventsOf(receipt));
    }

    /// <summary>registerSecret's return value, by eth_call from a party of no channel.</summary>
    private async Task<bool> WouldRegisterAsync(Hash256 secret)
    {
        var output = await fixture.Eth.CallAsync(new CallRequest
        {
            From = fixture.Deployer.Address,
            To = fixture.Secrets.Address,
            Data = SecretRegistryContract.EncodeRegisterSecret(secret),
        });
        return SecretRegistryContract.DecodeRegisterSecret(output);
    }

    private static Hash256 RandomSecret() => new(RandomNumberGenerator.GetBytes(SecretHash.SecretLength));
}
