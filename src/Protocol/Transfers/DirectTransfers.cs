using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Transfers;

/// <summary>Paying the channel partner directly: one DirectTransfer whose proof raises our transferred amount.</summary>
internal static class DirectTransfers
{
    public static void Send(TransitionContext context, ActionDirectTransfer action)
    {
        if (context.ChannelWith(action.TokenNetwork, action.Partner) is not { } channel)
        {
            context.RefuseAction(action, RefusalReason.UnknownChannel, $"no channel with {action.Partner} in token network {action.TokenNetwork}");
            return;
        }
        var transition = ChannelTransitions.ApplyDirectTransfer(channel, context.Our, action.Amount);
        if (!transition.IsAccepted)
        {
            context.Emit(new EventActionRefused(action, transition.Refusal));
            return;
        }
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        message.DirectTransfer = new DirectTransfer { PaymentId = WireValues.Encode(action.PaymentId), BalanceProof = proof };
        var end = ProofMessages.Seal(channel, transition.End, message, proof, context.Key);
        context.SetChannel(channel with { Our = end });
        context.Send(channel.Partner.Address, message);
        context.Emit(new EventPaymentSent(action.TokenNetwork, action.PaymentId, action.Partner, action.Amount));
    }

    public static void Receive(TransitionContext context, ReceiveMessage received)
    {
        var transfer = received.Message.DirectTransfer;
        if (!context.TryRead(received, () => WireValues.ReadUInt256(transfer.PaymentId, "payment_id"), out var paymentId))
            return;
        // The amount paid is what the proof adds to the transferred amount, checked against the stored end.
        var before = context.State;
        // The amount paid is what the proof adds to the stored transferred amount; a proof that adds
        // nothing is refused as a zero transfer, after its identity and signature are checked.
        var accepted = IncomingProofs.Accept(context, received, transfer.BalanceProof, (channel, sender, proof, additionalHash) =>
            BalanceProofCheck.CheckDirectTransfer(channel, sender, proof, additionalHash, Ethereum.UInt256.SaturatingSubtract(proof.TransferredAmount, channel.Partner.TransferredAmount)));
        if (accepted is null)
            return;
        var previous = before.TokenNetworks[accepted.TokenNetwork].Channels[accepted.ChannelId].Partner.TransferredAmount;
        context.Emit(new EventPaymentReceived(accepted.TokenNetwork, paymentId, received.Sender, accepted.Partner.TransferredAmount - previous));
    }
}
