using Google.Protobuf;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using WireBalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Builds the messages a dishonest or confused peer could send: a genuine message changed and its balance
/// proof signed again (by anyone), so that a test reaches exactly the check it means to.
/// </summary>
internal static class MessageForge
{
    /// <summary>The balance proof a message carries.</summary>
    public static WireBalanceProof ProofOf(Message message) => message.PayloadCase switch
    {
        Message.PayloadOneofCase.DirectTransfer => message.DirectTransfer.BalanceProof,
        Message.PayloadOneofCase.MediatedTransfer => message.MediatedTransfer.BalanceProof,
        Message.PayloadOneofCase.Unlock => message.Unlock.BalanceProof,
        Message.PayloadOneofCase.LockExpired => message.LockExpired.BalanceProof,
        Message.PayloadOneofCase.AnnounceDisposedResponse => message.AnnounceDisposedResponse.BalanceProof,
        _ => throw new ArgumentException($"a {message.PayloadCase} carries no balance proof", nameof(message)),
    };

    /// <summary>
    /// A copy of <paramref name="original"/> changed by <paramref name="change"/>, its balance proof signed
    /// again by <paramref name="proofSigner"/> over the changed fields, under the domain the (changed)
    /// channel reference names: a proof that is internally valid, whatever it claims.
    /// </summary>
    public static Message Reseal(Message original, PrivateKey proofSigner, Action<Message> change)
    {
        var message = original.Clone();
        change(message);
        var proof = ProofOf(message);
        proof.Signature = ByteString.Empty;
        var additionalHash = MessageCodec.AdditionalHash(message);
        var domain = PhotonDomain.Create(proof.Channel.ChainId, WireValues.ReadAddress(proof.Channel.TokenNetwork, "token_network"));
        var balanceHash = BalanceHash.Compute(
            WireValues.ReadUInt256(proof.TransferredAmount, "transferred_amount"),
            WireValues.ReadHash(proof.Locksroot, "locksroot"));
        var signed = new Contracts.Proofs.BalanceProof(WireValues.ReadUInt256(proof.Channel.ChannelId, "channel_id"), balanceHash, proof.Nonce, additionalHash);
        proof.Signature = WireValues.Encode(signed.Sign(proofSigner, domain));
        return message;
    }

    /// <summary>A copy of <paramref name="original"/> changed by <paramref name="change"/>, the proof's signature left as it was.</summary>
    public static Message Alter(Message original, Action<Message> change)
    {
        var message = original.Clone();
        change(message);
        return message;
    }
}
