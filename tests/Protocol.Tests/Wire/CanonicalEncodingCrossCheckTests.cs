using System.Text.Json.Nodes;
using Google.Protobuf;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.TestSupport;

namespace Photon.Protocol.Tests.Wire;

/// <summary>
/// The canonical-body rule promises every language the same bytes (and so the same hashes):
/// protobufjs, an independent implementation, encodes our messages exactly as we do.
/// </summary>
public sealed class CanonicalEncodingCrossCheckTests
{
    public static TheoryData<string> Samples => new() { "mediated transfer", "processed", "announce disposed" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Protobufjs_encodes_the_message_to_the_same_bytes(string sample)
    {
        var message = sample switch
        {
            "mediated transfer" => SampleMessages.MediatedTransfer(),
            "processed" => SampleMessages.Processed(),
            _ => new Message
            {
                MessageId = ulong.MaxValue,
                AnnounceDisposed = new AnnounceDisposed
                {
                    Channel = SampleMessages.Channel(),
                    Lock = SampleMessages.MediatedTransfer().MediatedTransfer.Lock,
                    PaymentId = ByteString.CopyFrom(UInt256.MaxValue.ToMinimalBigEndian()),
                    Reason = "no route — über",
                    DisposedSignature = ByteString.CopyFrom(new byte[65]),
                },
            },
        };
        var request = new JsonObject
        {
            ["proto"] = Path.Combine(RepoPaths.Root, "proto", "photon", "v1", "messages.proto"),
            ["root"] = Path.Combine(RepoPaths.Root, "proto"),
            ["type"] = "photon.v1.Message",
            ["json"] = JsonNode.Parse(JsonFormatter.Default.Format(message)),
        };

        var encoded = await NodeScript.RunAsync("protobuf.cjs", request.ToJsonString());

        Assert.Equal(Hex.Encode(message.ToByteArray()), encoded);
    }
}
