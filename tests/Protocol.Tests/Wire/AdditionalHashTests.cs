using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Wire;

public sealed class AdditionalHashTests
{
    [Fact]
    public void Is_the_keccak_of_the_body_with_the_proof_signature_left_empty()
    {
        var message = SampleMessages.MediatedTransfer();
        var unsigned = message.Clone();
        unsigned.MediatedTransfer.BalanceProof.Signature = ByteString.Empty;

        Assert.Equal(Keccak256.Hash(unsigned.ToByteArray()), MessageCodec.AdditionalHash(message));
    }

    [Fact]
    public void Does_not_depend_on_the_signature_and_changes_with_every_other_field()
    {
        var message = SampleMessages.MediatedTransfer();
        var reference = MessageCodec.AdditionalHash(message);
        var resigned = message.Clone();
        resigned.MediatedTransfer.BalanceProof.Signature = ByteString.CopyFrom(new byte[65]);

        Assert.Equal(reference, MessageCodec.AdditionalHash(resigned));
        foreach (var change in new Action<Message>[]
        {
            m => m.MessageId++,
            m => m.MediatedTransfer.Fee = WireValues.Encode(new UInt256(3)),
            m => m.MediatedTransfer.Route.Clear(),
            m => m.MediatedTransfer.Lock.Expiration++,
            m => m.MediatedTransfer.BalanceProof.Nonce++,
            m => m.MediatedTransfer.BalanceProof.LockedAmount = WireValues.Encode(new UInt256(21)),
        })
        {
            var changed = message.Clone();
            change(changed);
            Assert.NotEqual(reference, MessageCodec.AdditionalHash(changed));
        }
    }

    [Fact]
    public void Covers_announce_disposed_without_its_disposed_signature()
    {
        var message = new Message
        {
            MessageId = 9,
            AnnounceDisposed = new AnnounceDisposed
            {
                Channel = SampleMessages.Channel(),
                Lock = SampleMessages.MediatedTransfer().MediatedTransfer.Lock,
                PaymentId = WireValues.Encode(new UInt256(99)),
                Reason = "no route",
                DisposedSignature = ByteString.CopyFrom(new byte[65]),
            },
        };
        var unsigned = message.Clone();
        unsigned.AnnounceDisposed.DisposedSignature = ByteString.Empty;

        Assert.Equal(Keccak256.Hash(unsigned.ToByteArray()), MessageCodec.AdditionalHash(message));
    }

    [Fact]
    public void Messages_without_a_proof_have_no_additional_hash()
    {
        Assert.Throws<ArgumentException>(() => MessageCodec.AdditionalHash(SampleMessages.Processed()));
    }
}
