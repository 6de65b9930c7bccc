using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Relay.Tests.Crypto;

internal static class TestMessages
{
    public static SignedMessage Processed(PrivateKey signer, ulong messageId = 42) =>
        MessageCodec.Sign(new Message { MessageId = messageId, Processed = new Processed { ProcessedMessageId = messageId + 1 } }, signer);
}
