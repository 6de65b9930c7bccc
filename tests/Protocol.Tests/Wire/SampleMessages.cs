using Google.Protobuf;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Wire;

/// <summary>Fully populated messages (no field left at its default) for codec tests.</summary>
internal static class SampleMessages
{
    public static readonly Address TokenNetwork = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");

    public static ChannelRef Channel() => new()
    {
        ChainId = 31337,
        TokenNetwork = WireValues.Encode(TokenNetwork),
        ChannelId = WireValues.Encode(new UInt256(7)),
    };

    public static BalanceProof Proof(ulong nonce = 3) => new()
    {
        Channel = Channel(),
        Nonce = nonce,
        TransferredAmount = WireValues.Encode(new UInt256(1_000)),
        LockedAmount = WireValues.Encode(new UInt256(20)),
        Locksroot = WireValues.Encode(Hash256.Parse("0x" + new string('a', 64))),
        Signature = ByteString.CopyFrom(Enumerable.Repeat((byte)0x11, 64).Append((byte)27).ToArray()),
    };

    public static Message MediatedTransfer(ulong messageId = 42) => new()
    {
        MessageId = messageId,
        MediatedTransfer = new MediatedTransfer
        {
            PaymentId = WireValues.Encode(new UInt256(99)),
            Initiator = WireValues.Encode(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")),
            Target = WireValues.Encode(Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")),
            TargetAmount = WireValues.Encode(new UInt256(18)),
            Fee = WireValues.Encode(new UInt256(2)),
            Lock = new HashTimeLock { Expiration = 1_000, Amount = WireValues.Encode(new UInt256(20)), SecretHash = WireValues.Encode(Hash256.Parse("0x" + new string('b', 64))) },
            Route = { WireValues.Encode(Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")) },
            BalanceProof = Proof(),
        },
    };

    public static Message Processed(ulong messageId = 43) => new() { MessageId = messageId, Processed = new Processed { ProcessedMessageId = 42 } };
}
