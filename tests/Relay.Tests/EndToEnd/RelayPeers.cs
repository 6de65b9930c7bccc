using Google.Protobuf;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using Photon.Relay.Client;
using Photon.TestSupport;

namespace Photon.Relay.Tests.EndToEnd;

/// <summary>Real clients on a real relay process: builders for the end-to-end tests.</summary>
internal static class RelayPeers
{
    public const string ServerName = "relay.test";

    /// <summary>A started client for <paramref name="key"/>; backoff kept short so that a restarted relay is found again quickly.</summary>
    public static async Task<RelayClient> StartAsync(RelayProcess relay, PrivateKey key)
    {
        var client = new RelayClient(new RelayClientOptions
        {
            BaseAddress = relay.BaseUri,
            Key = key,
            ServerName = ServerName,
            MinBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(500),
            SyncTimeout = TimeSpan.FromSeconds(5),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.StartAsync(timeout.Token);
        return client;
    }

    /// <summary>Message number <paramref name="id"/> (its id says its place in the stream), signed by <paramref name="key"/>.</summary>
    public static SignedMessage Numbered(PrivateKey key, ulong id) =>
        MessageCodec.Sign(new Message { MessageId = id, Delivered = new Delivered { DeliveredMessageId = id } }, key);

    /// <summary>Receives until <paramref name="count"/> messages came (or the time is up), and returns them in arrival order.</summary>
    public static async Task<List<Transport.ReceivedMessage>> ReceiveAsync(RelayClient client, int count, TimeSpan timeout)
    {
        var received = new List<Transport.ReceivedMessage>(Math.Min(count, 10_000));
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var message in client.ReceiveAllAsync(cancel.Token))
            {
                received.Add(message);
                if (received.Count == count)
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer than expected: the caller's assertions say how many.
        }
        return received;
    }

    /// <summary>Waits a little longer to see that nothing more (a duplicate) arrives.</summary>
    public static async Task<int> ExtraWithinAsync(RelayClient client, TimeSpan wait) =>
        (await ReceiveAsync(client, int.MaxValue, wait)).Count;

    public static ByteString Bytes(byte[] value) => ByteString.CopyFrom(value);
}
