using System.Net;
using Photon.Ethereum.Crypto;
using Photon.Relay.Client;
using Photon.Relay.Crypto;
using Photon.Relay.Tests.Crypto;

namespace Photon.Relay.Tests.Client;

/// <summary>The whole client over an in-memory relay (<see cref="FakeRelayHandler"/>); the real relay process is driven by the end-to-end tests.</summary>
public sealed class RelayClientTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeRelayHandler _relay = new();
    private readonly HttpClient _http;
    private readonly PrivateKey _alice = PrivateKey.Generate();
    private readonly PrivateKey _bob = PrivateKey.Generate();
    private readonly List<RelayClient> _clients = [];

    public RelayClientTests()
    {
        _http = new HttpClient(_relay) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
        _http.Dispose();
        _relay.Dispose();
        _alice.Dispose();
        _bob.Dispose();
    }

    private RelayClient Client(PrivateKey key, string serverName = "relay.test")
    {
        var client = new RelayClient(new RelayClientOptions
        {
            BaseAddress = new Uri("http://relay.test"),
            Key = key,
            ServerName = serverName,
            MinBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
            SyncTimeout = TimeSpan.FromMilliseconds(200),
        }, _http);
        _clients.Add(client);
        return client;
    }

    [Fact]
    public async Task Delivers_a_message_end_to_end_through_the_relay()
    {
        var alice = Client(_alice);
        var bob = Client(_bob);
        await alice.StartAsync(CancellationToken.None);
        await bob.StartAsync(CancellationToken.None);

        await alice.SendAsync(_bob.Address, TestMessages.Processed(_alice, 5), CancellationToken.None).WaitAsync(Patience);
        await using var incoming = bob.ReceiveAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await incoming.MoveNextAsync().AsTask().WaitAsync(Patience));

        Assert.Equal(_alice.Address, incoming.Current.Sender);
        Assert.Equal(5ul, incoming.Current.Message.Message.MessageId);
        Assert.Equal(1, alice.Stats.MessagesSent);
        Assert.Equal(1, bob.Stats.MessagesReceived);
    }

    [Fact]
    public async Task Logs_in_by_signing_the_login_text_of_its_relay()
    {
        var alice = Client(_alice);

        await alice.StartAsync(CancellationToken.None);

        Assert.Equal(1, alice.Stats.Logins);
        Assert.Contains("POST /relay/v1/login", _relay.Requests);
    }

    [Fact]
    public async Task Refuses_to_sign_a_login_text_that_names_another_relay()
    {
        _relay.ServerName = "another-relay";
        var alice = Client(_alice);

        await Assert.ThrowsAsync<RelayLoginException>(() => alice.StartAsync(CancellationToken.None));

        Assert.DoesNotContain("POST /relay/v1/login", _relay.Requests);
        Assert.Equal(0, alice.Stats.Logins);
    }

    [Fact]
    public async Task Logs_in_again_when_the_relay_no_longer_knows_its_token()
    {
        var alice = Client(_alice);
        await alice.StartAsync(CancellationToken.None);
        _relay.ForgetTokens();

        var presence = await alice.GetPresenceAsync(_bob.Address, CancellationToken.None);

        Assert.False(presence.IsOnline);
        Assert.Equal(2, alice.Stats.Logins);
    }

    [Fact]
    public async Task Reads_presence_and_retries_a_relay_that_is_briefly_unavailable()
    {
        var alice = Client(_alice);
        _relay.Presence[_bob.Address] = $$"""{"address":"{{_bob.Address}}","presence":"online","last_active_ago_ms":1500}""";
        _relay.Script("/relay/v1/presence", FakeRelayHandler.Json(HttpStatusCode.ServiceUnavailable, new { error = "unavailable", message = "restarting" }));

        var presence = await alice.GetPresenceAsync(_bob.Address, CancellationToken.None);

        Assert.Equal(new Transport.PeerPresence(_bob.Address, true, TimeSpan.FromMilliseconds(1500)), presence);
        Assert.Equal(2, _relay.Requests.Count(r => r.StartsWith("GET /relay/v1/presence", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"presence":"online"}""")]
    [InlineData("""{"address":"ADDRESS","presence":"away"}""")]
    [InlineData("""{"address":"ADDRESS","presence":"online","last_active_ago_ms":-1}""")]
    [InlineData("""{"address":"OTHER","presence":"online"}""")]
    [InlineData("""not json""")]
    public async Task Refuses_a_malformed_presence_answer_after_its_attempts(string answer)
    {
        var alice = Client(_alice);
        _relay.Presence[_bob.Address] = answer.Replace("ADDRESS", _bob.Address.ToString(), StringComparison.Ordinal)
            .Replace("OTHER", _alice.Address.ToString(), StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RelayCallException>(() => alice.GetPresenceAsync(_bob.Address, CancellationToken.None));

        Assert.Equal("malformed_response", error.ErrorCode);
        Assert.Equal(alice.Options.MaxCallAttempts, _relay.Requests.Count(r => r.StartsWith("GET /relay/v1/presence", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Does_not_seal_for_a_key_the_directory_gives_for_another_address()
    {
        var bob = Client(_bob);
        await bob.StartAsync(CancellationToken.None);
        var alice = Client(_alice);
        await alice.StartAsync(CancellationToken.None);
        using var mallory = PrivateKey.Generate();
        _relay.KeyOverride = _ => mallory.PublicKey.ToArray();

        var send = alice.SendAsync(_bob.Address, TestMessages.Processed(_alice), CancellationToken.None);
        while (alice.Stats.KeysRefused == 0)
            await Task.Delay(1).WaitAsync(Patience);

        Assert.False(send.IsCompleted);
        Assert.DoesNotContain(_relay.Requests, r => r.StartsWith("PUT", StringComparison.Ordinal));

        _relay.KeyOverride = null;
        await send.WaitAsync(Patience);
    }

    [Fact]
    public async Task Shutting_down_ends_the_inbox_and_fails_unsent_messages()
    {
        var alice = Client(_alice);
        await alice.StartAsync(CancellationToken.None);
        var pending = alice.SendAsync(_bob.Address, TestMessages.Processed(_alice), CancellationToken.None);
        var inbox = alice.ReceiveAllAsync(CancellationToken.None).GetAsyncEnumerator();

        await alice.DisposeAsync();

        Assert.False(await inbox.MoveNextAsync().AsTask().WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => alice.SendAsync(_bob.Address, TestMessages.Processed(_alice), CancellationToken.None));
        await inbox.DisposeAsync();
    }

    [Fact]
    public async Task Counts_an_envelope_that_does_not_open_and_goes_on()
    {
        var bob = Client(_bob);
        await bob.StartAsync(CancellationToken.None);
        var alice = Client(_alice);
        await alice.StartAsync(CancellationToken.None);
        // Sealed for Alice herself, then sent to Bob: it cannot authenticate for him.
        var misdirected = RelayEnvelope.Seal(SealingKey.Create(RecipientKey.Create(_alice.Address, _alice.PublicKey)), _alice.Address, EnvelopeId.New(), TestMessages.Processed(_alice, 1));
        using var put = new HttpRequestMessage(HttpMethod.Put, "http://relay.test/relay/v1/sendToDevice/manual-1")
        {
            Content = new StringContent($$"""{"messages":[{"to":"{{_bob.Address}}","body":"{{Convert.ToBase64String(misdirected)}}"}]}"""),
        };
        put.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token2");
        (await _http.SendAsync(put)).EnsureSuccessStatusCode();
        await alice.SendAsync(_bob.Address, TestMessages.Processed(_alice, 2), CancellationToken.None).WaitAsync(Patience);

        await using var incoming = bob.ReceiveAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await incoming.MoveNextAsync().AsTask().WaitAsync(Patience));

        Assert.Equal(2ul, incoming.Current.Message.Message.MessageId);
        Assert.Equal(1, bob.Stats.EnvelopesRefusedFor(EnvelopeRefusal.AuthenticationFailed));
    }
}
