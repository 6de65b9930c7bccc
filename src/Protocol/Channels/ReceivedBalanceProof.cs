using Photon.Ethereum;
using Photon.Protocol.Wire;
using WireBalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Channels;

/// <summary>The fields of a balance proof as read from a message, before any check.</summary>
public sealed record ReceivedBalanceProof(
    ulong ChainId,
    Address TokenNetwork,
    UInt256 ChannelId,
    ulong Nonce,
    UInt256 TransferredAmount,
    UInt256 LockedAmount,
    Hash256 Locksroot,
    Signature Signature)
{
    /// <summary>Reads the wire form with the strict field encodings of <see cref="WireValues"/>.</summary>
    /// <exception cref="InvalidMessageException">A missing channel reference or a malformed field.</exception>
    public static ReceivedBalanceProof Read(WireBalanceProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var channel = proof.Channel ?? throw new InvalidMessageException("balance_proof.channel: missing");
        return new ReceivedBalanceProof(
            channel.ChainId,
            WireValues.ReadAddress(channel.TokenNetwork, "balance_proof.channel.token_network"),
            WireValues.ReadUInt256(channel.ChannelId, "balance_proof.channel.channel_id"),
            proof.Nonce,
            WireValues.ReadUInt256(proof.TransferredAmount, "balance_proof.transferred_amount"),
            WireValues.ReadUInt256(proof.LockedAmount, "balance_proof.locked_amount"),
            WireValues.ReadHash(proof.Locksroot, "balance_proof.locksroot"),
            WireValues.ReadSignature(proof.Signature, "balance_proof.signature"));
    }
}
