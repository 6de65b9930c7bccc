using Google.Protobuf;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using WireBalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Machine;

/// <summary>
/// Builds and reads the balance proofs that messages carry. Sealing signs the EIP-712 BalanceProof
/// over the message's additional hash, so the proof binds every other field of its message
/// (docs/protocol.md); the signed end is what the channel stores as our latest proof.
/// </summary>
internal static class ProofMessages
{
    /// <summary>The unsigned wire proof of <paramref name="end"/>.</summary>
    public static WireBalanceProof Unsigned(Channel channel, ChannelEnd end) => new()
    {
        Channel = ChannelRefs.Of(channel),
        Nonce = end.Nonce,
        TransferredAmount = WireValues.Encode(end.TransferredAmount),
        LockedAmount = WireValues.Encode(end.LockedAmount),
        Locksroot = WireValues.Encode(end.Locksroot),
    };

    /// <summary>
    /// Signs <paramref name="proof"/> (already inside <paramref name="message"/>, signature empty) for
    /// <paramref name="end"/>, and returns the end with its signature recorded.
    /// </summary>
    public static ChannelEnd Seal(Channel channel, ChannelEnd end, Message message, WireBalanceProof proof, PrivateKey key)
    {
        // With the signature still empty the body is exactly what the additional hash covers.
        var additionalHash = Keccak256.Hash(message.ToByteArray());
        var signature = end.ToBalanceProof(channel.ChannelId, additionalHash).Sign(key, channel.Domain);
        proof.Signature = WireValues.Encode(signature);
        return end with { Signature = new ProofSignature(additionalHash, signature) };
    }

    /// <summary>The fields of a received proof, or a refusal when it is missing or malformed.</summary>
    public static ReceivedBalanceProof? Read(WireBalanceProof? proof, out Refusal? refusal)
    {
        refusal = null;
        if (proof is null)
        {
            refusal = new Refusal(RefusalReason.InvalidMessage, "the balance proof is missing");
            return null;
        }
        try
        {
            return ReceivedBalanceProof.Read(proof);
        }
        catch (InvalidMessageException e)
        {
            refusal = new Refusal(RefusalReason.InvalidMessage, e.Message);
            return null;
        }
    }
}
