using Photon.Ethereum.Crypto;
using Photon.Relay.Client;

namespace Photon.Relay.Tests.Client;

public sealed class RelayClientOptionsTests : IDisposable
{
    private readonly PrivateKey _key = PrivateKey.Generate();

    public void Dispose() => _key.Dispose();

    private RelayClientOptions Valid() => new() { BaseAddress = new Uri("http://127.0.0.1:8008/"), Key = _key, ServerName = "relay.test" };

    [Fact]
    public void Accepts_the_defaults()
    {
        var options = Valid();

        options.Validate();

        Assert.Equal(500, options.MaxBatchMessages);
        Assert.Equal(512 * 1024, options.MaxBatchBytes);
        Assert.Equal(TimeSpan.FromSeconds(25), options.SyncTimeout);
    }

    public static TheoryData<string> Invalid => new()
    {
        "BaseAddress", "ServerName", "MaxBatchMessages", "MaxBatchBytes", "MaxQueuedMessages", "ReceiveBufferMessages", "SyncLimit",
        "SyncTimeout", "RequestTimeout", "MinBackoff", "MaxBackoff", "MaxRetryAfter", "MaxCallAttempts", "RecentEnvelopeIds",
        "RecipientKeyCacheSize", "DerivedKeyCacheSize", "MaxMessagesPerEphemeralKey", "MaxEphemeralKeyAge", "MaxResponseBytes",
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_setting_out_of_range_and_names_it(string setting)
    {
        var valid = Valid();
        var options = setting switch
        {
            "BaseAddress" => valid with { BaseAddress = new Uri("ftp://relay.test/") },
            "ServerName" => valid with { ServerName = "relay\nrelay: other" },
            "MaxBatchMessages" => valid with { MaxBatchMessages = 1_001 },
            "MaxBatchBytes" => valid with { MaxBatchBytes = 0 },
            "MaxQueuedMessages" => valid with { MaxQueuedMessages = 0 },
            "ReceiveBufferMessages" => valid with { ReceiveBufferMessages = 0 },
            "SyncLimit" => valid with { SyncLimit = 5_001 },
            "SyncTimeout" => valid with { SyncTimeout = TimeSpan.FromSeconds(31) },
            "RequestTimeout" => valid with { RequestTimeout = TimeSpan.Zero },
            "MinBackoff" => valid with { MinBackoff = TimeSpan.Zero },
            "MaxBackoff" => valid with { MaxBackoff = valid.MinBackoff - TimeSpan.FromTicks(1) },
            "MaxRetryAfter" => valid with { MaxRetryAfter = TimeSpan.FromSeconds(-1) },
            "MaxCallAttempts" => valid with { MaxCallAttempts = 0 },
            "RecentEnvelopeIds" => valid with { RecentEnvelopeIds = 0 },
            "RecipientKeyCacheSize" => valid with { RecipientKeyCacheSize = 0 },
            "DerivedKeyCacheSize" => valid with { DerivedKeyCacheSize = 0 },
            "MaxMessagesPerEphemeralKey" => valid with { MaxMessagesPerEphemeralKey = 0 },
            "MaxEphemeralKeyAge" => valid with { MaxEphemeralKeyAge = TimeSpan.Zero },
            _ => valid with { MaxResponseBytes = 1023 },
        };

        var refused = Assert.ThrowsAny<ArgumentException>(options.Validate);

        Assert.Equal(setting, refused.ParamName);
    }

    [Fact]
    public void Refuses_a_relative_base_address()
    {
        var options = Valid() with { BaseAddress = new Uri("/relay", UriKind.Relative) };

        Assert.Equal("BaseAddress", Assert.ThrowsAny<ArgumentException>(options.Validate).ParamName);
    }

    [Fact]
    public void A_client_refuses_invalid_options_when_it_is_made()
    {
        var options = Valid() with { SyncLimit = 0 };

        Assert.Equal("SyncLimit", Assert.ThrowsAny<ArgumentException>(() => new RelayClient(options)).ParamName);
    }
}
