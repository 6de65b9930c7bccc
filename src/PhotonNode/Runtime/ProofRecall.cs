using Photon.Ethereum;
using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Node.Runtime;

/// <summary>
/// Answers <see cref="EventProofValuesUnknown"/> from the node's own history (docs/node.md): a proof of ours
/// is in a message we sent (SendMessage events), a proof of the partner's in a message we received
/// (ReceiveMessage state changes). The state keeps only each end's newest proof, so a partner closing with an
/// older one would otherwise leave the channel unsettled forever.
/// </summary>
public static class ProofRecall
{
    /// <summary>The recall for <paramref name="unknown"/>, or null when the history has no such proof.</summary>
    public static async Task<ActionRecallProofValues?> FindAsync(NodeDatabase database, Address our, EventProofValuesUnknown unknown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(unknown);
        if (unknown.Participant == our)
        {
            await foreach (var stored in database.ReadFromAsync(0, ct).ConfigureAwait(false))
            {
                if (stored.Event is SendMessage send && Match(send.Message, unknown) is { } recall)
                    return recall;
            }
            return null;
        }
        await foreach (var change in database.ReadStateChangesAsync(nameof(ReceiveMessage), ct).ConfigureAwait(false))
        {
            if (change is ReceiveMessage received && received.Sender == unknown.Participant && Match(received.Message, unknown) is { } recall)
                return recall;
        }
        return null;
    }

    private static ActionRecallProofValues? Match(Message message, EventProofValuesUnknown unknown)
    {
        var proof = message.PayloadCase switch
        {
            Message.PayloadOneofCase.DirectTransfer => message.DirectTransfer.BalanceProof,
            Message.PayloadOneofCase.MediatedTransfer => message.MediatedTransfer.BalanceProof,
            Message.PayloadOneofCase.Unlock => message.Unlock.BalanceProof,
            Message.PayloadOneofCase.LockExpired => message.LockExpired.BalanceProof,
            Message.PayloadOneofCase.AnnounceDisposedResponse => message.AnnounceDisposedResponse.BalanceProof,
            _ => null,
        };
        if (proof?.Channel is null || proof.Nonce != unknown.Nonce)
            return null;
        try
        {
            if (WireValues.ReadAddress(proof.Channel.TokenNetwork, "token_network") != unknown.TokenNetwork
                || WireValues.ReadUInt256(proof.Channel.ChannelId, "channel_id") != unknown.ChannelId)
                return null;
            var transferred = WireValues.ReadUInt256(proof.TransferredAmount, "transferred_amount");
            var locksroot = proof.Locksroot.IsEmpty ? Hash256.Zero : WireValues.ReadHash(proof.Locksroot, "locksroot");
            // The machine checks the hash again; this only skips a proof of the same nonce with other values.
            return Contracts.Locks.BalanceHash.Compute(transferred, locksroot) == unknown.BalanceHash
                ? new ActionRecallProofValues(unknown.TokenNetwork, unknown.ChannelId, unknown.Participant, unknown.Nonce, transferred, locksroot)
                : null;
        }
        catch (InvalidMessageException)
        {
            return null;
        }
    }
}
