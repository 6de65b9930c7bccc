using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Negotiation;
using Photon.Protocol.OnChain;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Transfers;

namespace Photon.Protocol.Machine;

/// <summary>
/// The node's state machine (DESIGN.md §6): <c>Transition(state, stateChange, blockContext) → (state, events)</c>.
/// Pure and deterministic: no IO, no clock, no randomness; the key only signs (RFC 6979, deterministic), so
/// the same inputs in the same order give the same state and the same events, byte for byte.
/// </summary>
public sealed class StateMachine
{
    private readonly PrivateKey _key;

    /// <param name="key">The node's key: signs balance proofs and the other proofs it gives.</param>
    public StateMachine(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <exception cref="ArgumentException">The state belongs to another key, or the block goes backwards.</exception>
    public TransitionResult Transition(NodeState state, StateChange stateChange, BlockContext block)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stateChange);
        if (state.Our != _key.Address)
            throw new ArgumentException($"the state is {state.Our}'s, the key {_key.Address}'s", nameof(state));
        if (block.Number < state.BlockNumber)
            throw new ArgumentException($"block {block.Number} is before the state's block {state.BlockNumber}", nameof(block));
        var context = new TransitionContext(state with { BlockNumber = block.Number }, block, _key);
        Dispatch(context, stateChange);
        return new TransitionResult(context.State, [.. context.Events]);
    }

    private static void Dispatch(TransitionContext context, StateChange stateChange)
    {
        switch (stateChange)
        {
            case Block:
                // The block number is already the context's; the timed rules run now.
                Payments.OnBlock(context);
                ChainEvents.OnBlock(context);
                Withdraws.OnBlock(context);
                break;
            case ReceiveMessage received:
                Receive(context, received);
                break;
            case ActionDirectTransfer action:
                DirectTransfers.Send(context, action);
                break;
            case ActionInitPayment action:
                Initiator.Start(context, action);
                break;
            case ActionSetFeeSchedule action:
                Mediator.SetFees(context, action);
                break;
            case ActionWithdraw action:
                Withdraws.Request(context, action);
                break;
            case ActionCooperativeSettle action:
                CooperativeSettles.Request(context, action);
                break;
            case ActionCloseChannel action:
                ChainEvents.Close(context, action);
                break;
            case ActionRecallProofValues recall:
                ChainEvents.Recall(context, recall);
                break;
            case ContractReceiveSecretRevealed revealed:
                Payments.OnSecretRegistered(context, revealed);
                ChainEvents.OnSecretRegistered(context, revealed);
                break;
            case ContractReceiveChannelWithdraw withdrawn:
                ChainEvents.OnWithdraw(context, withdrawn);
                Withdraws.OnWithdrawn(context, withdrawn);
                break;
            case ContractReceiveChannelCooperativeSettled settled:
                ChainEvents.OnCooperativeSettled(context, settled);
                break;
            case ContractReceiveTokenNetworkCreated created:
                ChainEvents.OnTokenNetworkCreated(context, created);
                break;
            case ContractReceiveChannelOpened opened:
                ChainEvents.OnOpened(context, opened);
                break;
            case ContractReceiveChannelDeposit deposit:
                ChainEvents.OnDeposit(context, deposit);
                break;
            case ContractReceiveChannelClosed closed:
                ChainEvents.OnClosed(context, closed);
                break;
            case ContractReceiveNonClosingBalanceProofUpdated updated:
                ChainEvents.OnUpdated(context, updated);
                break;
            case ContractReceiveChannelUnlocked unlocked:
                ChainEvents.OnUnlocked(context, unlocked);
                break;
            case ContractReceiveChannelPunished punished:
                ChainEvents.OnPunished(context, punished);
                break;
            case ContractReceiveChannelSettled settled:
                ChainEvents.OnSettled(context, settled);
                break;
            default:
                throw new ArgumentException($"unknown state change {stateChange.GetType().Name}", nameof(stateChange));
        }
    }

    private static void Receive(TransitionContext context, ReceiveMessage received)
    {
        var message = received.Message;
        switch (message.PayloadCase)
        {
            case Message.PayloadOneofCase.Delivered:
                Acknowledgements.OnAcknowledged(context, received.Sender, message.Delivered.DeliveredMessageId);
                break;
            case Message.PayloadOneofCase.Processed:
                Acknowledgements.OnAcknowledged(context, received.Sender, message.Processed.ProcessedMessageId);
                break;
            case Message.PayloadOneofCase.DirectTransfer:
                DirectTransfers.Receive(context, received);
                break;
            case Message.PayloadOneofCase.MediatedTransfer:
                Payments.OnMediatedTransfer(context, received);
                break;
            case Message.PayloadOneofCase.SecretRequest:
                Initiator.OnSecretRequest(context, received);
                break;
            case Message.PayloadOneofCase.RevealSecret:
                Payments.OnRevealSecret(context, received);
                break;
            case Message.PayloadOneofCase.Unlock:
                Payments.OnUnlock(context, received);
                break;
            case Message.PayloadOneofCase.LockExpired:
                Payments.OnLockExpired(context, received);
                break;
            case Message.PayloadOneofCase.AnnounceDisposed:
                Payments.OnAnnounceDisposed(context, received);
                break;
            case Message.PayloadOneofCase.AnnounceDisposedResponse:
                Payments.OnAnnounceDisposedResponse(context, received);
                break;
            case Message.PayloadOneofCase.WithdrawRequest:
                Withdraws.OnRequest(context, received);
                break;
            case Message.PayloadOneofCase.WithdrawConfirmation:
                Withdraws.OnConfirmation(context, received);
                break;
            case Message.PayloadOneofCase.CooperativeSettleRequest:
                CooperativeSettles.OnRequest(context, received);
                break;
            case Message.PayloadOneofCase.CooperativeSettleConfirmation:
                CooperativeSettles.OnConfirmation(context, received);
                break;
            default:
                context.RefuseMessage(received, Channels.RefusalReason.InvalidMessage, "the message has no payload");
                break;
        }
    }
}
