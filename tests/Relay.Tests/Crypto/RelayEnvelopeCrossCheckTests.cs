using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Relay.Crypto;
using Photon.TestSupport;

namespace Photon.Relay.Tests.Crypto;

/// <summary>
/// The envelope against an implementation written from docs/relay.md with Node's crypto (ECDH,
/// HKDF, AES-GCM): each side opens what the other sealed.
/// </summary>
public sealed class RelayEnvelopeCrossCheckTests
{
    [Fact]
    public async Task Node_opens_envelopes_we_seal_and_we_open_envelopes_node_seals()
    {
        using var alice = PrivateKey.Generate();
        using var bob = PrivateKey.Generate();
        using var ephemeral = PrivateKey.Generate();
        var id = EnvelopeId.New();
        var signed = TestMessages.Processed(alice, 7);
        var plaintext = new byte[EnvelopeId.Length + signed.CalculateSize()];
        id.WriteTo(plaintext);
        signed.ToByteArray().CopyTo(plaintext, EnvelopeId.Length);
        var ours = RelayEnvelope.Seal(SealingKey.Create(RecipientKey.Create(bob.Address, bob.PublicKey)), alice.Address, id, signed);
        var nonce = Hex.Decode("0x0102030405060708090a0b0c");
        var request = new JsonObject
        {
            ["open"] = new JsonArray(new JsonObject { ["recipientKey"] = bob.ToHex(), ["sender"] = alice.Address.ToLowerHex(), ["body"] = Hex.Encode(ours) }),
            ["seal"] = new JsonArray(new JsonObject
            {
                ["ephemeralKey"] = ephemeral.ToHex(),
                ["recipientPublicKey"] = Hex.Encode(bob.PublicKey),
                ["sender"] = alice.Address.ToLowerHex(),
                ["nonce"] = Hex.Encode(nonce),
                ["plaintext"] = Hex.Encode(plaintext),
            }),
        };

        using var answer = JsonDocument.Parse(await NodeScript.RunAsync("relay-envelope.cjs", request.ToJsonString()));

        Assert.Equal(Hex.Encode(plaintext), answer.RootElement.GetProperty("opened")[0].GetString());
        var theirs = Hex.Decode(answer.RootElement.GetProperty("sealed")[0].GetString()!);
        Assert.Equal(ephemeral.PublicKey.ToArray(), theirs[1..65]);
        Assert.Equal(nonce, theirs[65..77]);
        var opened = RelayEnvelope.Open(theirs, alice.Address, new DerivedKeyCache(bob));
        Assert.Equal(id, opened.Id);
        Assert.Equal(7ul, opened.Message.Message.MessageId);
        Assert.Equal(alice.Address, opened.Message.Sender);
    }
}
