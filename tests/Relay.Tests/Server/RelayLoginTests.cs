using System.Net;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Tests.Server;

/// <summary>Login and tokens against a real relay process: only the key's owner gets a token, and a token acts for its address only.</summary>
public sealed class RelayLoginTests(SharedRelay shared) : IClassFixture<SharedRelay>
{
    [Fact]
    public async Task A_login_signed_by_the_address_owner_gives_a_token_that_works()
    {
        using var user = await RawRelayUser.Random(shared.BaseUri).LoginAsync();

        var sync = await user.SyncAsync();

        Assert.Equal(HttpStatusCode.OK, sync.Status);
        Assert.Empty(sync.Messages);
    }

    [Fact]
    public async Task A_login_with_a_forged_signature_is_refused_and_gives_no_token()
    {
        using var victim = RawRelayUser.Random(shared.BaseUri);
        using var forger = PrivateKey.Generate();
        var challenge = await victim.PostAsync("relay/v1/login/challenge", new JsonObject { ["address"] = victim.Address.ToString() });

        var login = await victim.PostAsync("relay/v1/login", new JsonObject
        {
            ["address"] = victim.Address.ToString(),
            ["challenge"] = challenge.Body["challenge"]!.GetValue<string>(),
            ["signature"] = forger.SignMessage(challenge.Body["message"]!.GetValue<string>()).ToString(),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Equal("invalid_signature", login.Error);
        Assert.Null(login.Body["access_token"]);
        using var other = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(HttpMethod.Get, $"relay/v1/keys/{victim.Address}", null)).Status);
    }

    [Fact]
    public async Task A_challenge_is_good_for_one_login_only()
    {
        using var user = RawRelayUser.Random(shared.BaseUri);
        var challenge = await user.PostAsync("relay/v1/login/challenge", new JsonObject { ["address"] = user.Address.ToString() });
        var login = new JsonObject
        {
            ["address"] = user.Address.ToString(),
            ["challenge"] = challenge.Body["challenge"]!.GetValue<string>(),
            ["signature"] = user.Key.SignMessage(challenge.Body["message"]!.GetValue<string>()).ToString(),
        };

        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync("relay/v1/login", login)).Status);
        var replay = await user.PostAsync("relay/v1/login", login.DeepClone());

        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("unknown_challenge", replay.Error);
    }

    [Fact]
    public async Task A_login_signed_for_another_relay_is_refused()
    {
        using var user = RawRelayUser.Random(shared.BaseUri);
        var challenge = await user.PostAsync("relay/v1/login/challenge", new JsonObject { ["address"] = user.Address.ToString() });
        var hash = Ethereum.Hash256.Parse(challenge.Body["challenge"]!.GetValue<string>());

        var login = await user.PostAsync("relay/v1/login", new JsonObject
        {
            ["address"] = user.Address.ToString(),
            ["challenge"] = hash.ToString(),
            ["signature"] = user.Key.SignMessage(RelayLoginText.For("another.relay", user.Address, hash)).ToString(),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Calls_without_a_valid_token_are_refused_with_401(string? authorization)
    {
        using var user = RawRelayUser.Random(shared.BaseUri);
        using var request = new HttpRequestMessage(HttpMethod.Get, "relay/v1/sync");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var http = new HttpClient { BaseAddress = shared.BaseUri };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_reads_only_its_own_addresss_queue()
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var mallory = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await alice.SendToDeviceAsync("t1", (bob.Address, [1, 2, 3]))).Status);

        // Mallory's token syncs Mallory's queue, whatever it asks for: Bob's message stays for Bob.
        var stolen = await mallory.SyncAsync(since: "0");
        var bobs = await bob.SyncAsync();

        Assert.Empty(stolen.Messages);
        Assert.Equal(Convert.ToBase64String([1, 2, 3]), Assert.Single(bobs.Messages)!["body"]!.GetValue<string>());
        Assert.Equal(alice.Address.ToString(), bobs.Messages[0]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_key_directory_serves_the_public_key_recovered_at_login()
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();

        var key = await alice.SendAsync(HttpMethod.Get, $"relay/v1/keys/{bob.Address}", null);

        Assert.Equal(HttpStatusCode.OK, key.Status);
        Assert.Equal(Ethereum.Hex.Encode(bob.Key.PublicKey), key.Body["public_key"]!.GetValue<string>());
    }
}
