using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Wire;

public sealed class MessageCodecTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");

    [Fact]
    public void Opening_a_signed_message_gives_its_signer_and_the_same_message()
    {
        var message = SampleMessages.MediatedTransfer();

        var opened = MessageCodec.Open(MessageCodec.Sign(message, Key).ToByteArray());

        Assert.Equal(Key.Address, opened.Sender);
        Assert.Equal(message, opened.Message);
        Assert.Equal(Keccak256.Hash(message.ToByteArray()), opened.BodyHash);
    }

    [Fact]
    public void A_changed_body_recovers_another_sender()
    {
        var signed = MessageCodec.Sign(SampleMessages.MediatedTransfer(), Key);
        var tampered = SampleMessages.MediatedTransfer();
        tampered.MediatedTransfer.Fee = WireValues.Encode(new UInt256(3));
        signed.Body = tampered.ToByteString();

        var opened = MessageCodec.Open(signed.ToByteArray());

        // The envelope only says who signed: a state machine accepts a message only from the
        // channel partner, so a forged body is refused there.
        Assert.NotEqual(Key.Address, opened.Sender);
    }

    [Fact]
    public void Refuses_bodies_that_are_not_the_canonical_encoding()
    {
        var body = SampleMessages.Processed().ToByteArray();
        var variants = new Dictionary<string, byte[]>
        {
            // message_id written twice (last wins when parsing)
            ["repeated field"] = [.. body, 0x08, 0x2B],
            // an explicit default: payload written before message_id
            ["fields out of order"] = [.. body[2..], .. body[..2]],
            ["default value written"] = [0x08, 0x00, .. body[2..]],
            ["unknown field"] = [.. body, 0xF8, 0x06, 0x01],
        };

        foreach (var (name, bytes) in variants)
        {
            var envelope = new SignedMessage { Body = ByteString.CopyFrom(bytes), Signature = WireValues.Encode(Key.Sign(Keccak256.Hash(bytes))) };
            var error = Assert.Throws<InvalidMessageException>(() => MessageCodec.Open(envelope.ToByteArray()));
            Assert.Contains("canonical", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refuses_a_body_without_payload_and_a_non_canonical_envelope()
    {
        var empty = new Message { MessageId = 5 }.ToByteArray();
        var withoutPayload = new SignedMessage { Body = ByteString.CopyFrom(empty), Signature = WireValues.Encode(Key.Sign(Keccak256.Hash(empty))) };
        var envelope = MessageCodec.Sign(SampleMessages.Processed(), Key).ToByteArray();

        Assert.Contains("no payload", Assert.Throws<InvalidMessageException>(() => MessageCodec.Open(withoutPayload.ToByteArray())).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidMessageException>(() => MessageCodec.Open([.. envelope, 0x18, 0x01]));
    }

    [Fact]
    public void Refuses_signatures_of_the_wrong_length_with_a_bad_v_or_a_high_s()
    {
        var signed = MessageCodec.Sign(SampleMessages.Processed(), Key);
        var good = signed.Signature.ToByteArray();
        var highS = Signature.FromBytes(good);
        var twin = new Signature(highS.R, Signature.CurveOrder - highS.S, highS.V == 27 ? (byte)28 : (byte)27);

        foreach (var signature in new[] { good[..64], [.. good, 0], [.. good[..64], 29], twin.ToBytes() })
        {
            signed.Signature = ByteString.CopyFrom(signature);
            Assert.Throws<InvalidMessageException>(() => MessageCodec.Open(signed.ToByteArray()));
        }
    }

    [Fact]
    public void Refuses_oversized_messages_unread()
    {
        var message = SampleMessages.MediatedTransfer();
        message.MediatedTransfer.Route.Add(Enumerable.Range(0, 1000).Select(_ => ByteString.CopyFrom(new byte[20])));

        Assert.Throws<ArgumentException>(() => MessageCodec.Sign(message, Key));
        var body = message.ToByteString();
        var envelope = new SignedMessage { Body = body, Signature = WireValues.Encode(Key.Sign(Keccak256.Hash(body.Span))) };
        Assert.Contains("at most", Assert.Throws<InvalidMessageException>(() => MessageCodec.Open(envelope.ToByteArray())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_refused_as_invalid_messages_and_nothing_else()
    {
        var random = new Random(1234);
        var valid = MessageCodec.Sign(SampleMessages.MediatedTransfer(), Key).ToByteArray();
        for (var i = 0; i < 2_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])valid.Clone();
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }
            try
            {
                MessageCodec.Open(bytes);
            }
            catch (InvalidMessageException)
            {
            }
        }
    }
}
