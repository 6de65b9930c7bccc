using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using WireBalanceProof = Photon.Protocol.Messages.BalanceProof;

namespace Photon.Protocol.Transfers;

/// <summary>
/// The steps every message carrying the partner's new balance proof goes through: find the channel it
/// names, recognise a re-sent message (acknowledged again, nothing else), check the proof against the
/// transition it claims, and on success store the partner's new end and acknowledge. A refused proof
/// changes nothing and is not acknowledged.
/// </summary>
internal static class IncomingProofs
{
    public delegate EndTransition Check(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash);

    /// <returns>The channel with the partner's new end stored, or null when the message was a re-send or was refused.</returns>
    public static Channel? Accept(TransitionContext context, ReceiveMessage received, WireBalanceProof? wireProof, Check check)
    {
        if (ProofMessages.Read(wireProof, out var malformed) is not { } proof)
        {
            context.RefuseMessage(received, malformed!);
            return null;
        }
        if (context.ResolveChannel(wireProof!.Channel, out var unknown) is not { } channel)
        {
            context.RefuseMessage(received, unknown!);
            return null;
        }
        if (received.Sender == channel.Partner.Address && proof.Nonce <= channel.Partner.Nonce && proof.Nonce != 0)
        {
            // A message we already processed, sent again because our acknowledgement was lost: acknowledge
            // it again. Acknowledging changes nothing here, so an old or forged copy gains its sender nothing.
            context.Acknowledge(received);
            if (channel.Partner.Signature?.Signature != proof.Signature)
                context.RefuseMessage(received, RefusalReason.WrongNonce, $"nonce {proof.Nonce} is not after the partner's last nonce {channel.Partner.Nonce}");
            return null;
        }
        var result = check(channel, received.Sender, proof, MessageCodec.AdditionalHash(received.Message));
        if (!result.IsAccepted)
        {
            context.RefuseMessage(received, result.Refusal);
            return null;
        }
        channel = channel with { Partner = result.End };
        context.SetChannel(channel);
        context.Acknowledge(received);
        return channel;
    }
}
