using System.Text.Json.Nodes;
using Photon.Node.Runtime;
using Photon.Protocol.Events;

namespace Photon.Node.Application;

/// <summary>
/// Which events subscribers see and how (docs/api.md): payment and channel events. Messages, transactions
/// and refusals are the node's own business and are not published.
/// </summary>
public static class EventViews
{
    /// <summary>The view of <paramref name="dispatched"/>, or null for an event that is not published.</summary>
    public static NodeEventView? From(DispatchedEvent dispatched)
    {
        ArgumentNullException.ThrowIfNull(dispatched);
        (string Type, JsonObject Data)? view = dispatched.Event switch
        {
            EventPaymentSent e => ("payment_sent", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["identifier"] = e.PaymentId.ToString(), ["target"] = e.Target.ToString(), ["amount"] = e.Amount.ToString(),
            }),
            EventPaymentSucceeded e => ("payment_succeeded", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["identifier"] = e.PaymentId.ToString(), ["target"] = e.Target.ToString(), ["amount"] = e.Amount.ToString(),
                ["fee"] = e.Fee.ToString(), ["secret_hash"] = e.SecretHash.ToString(),
            }),
            EventPaymentFailed e => ("payment_failed", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["identifier"] = e.PaymentId.ToString(), ["target"] = e.Target.ToString(), ["amount"] = e.Amount.ToString(),
                ["secret_hash"] = e.SecretHash.ToString(), ["reason"] = e.Reason,
            }),
            EventPaymentReceived e => ("payment_received", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["identifier"] = e.PaymentId.ToString(), ["initiator"] = e.Initiator.ToString(), ["amount"] = e.Amount.ToString(),
            }),
            EventChannelChanged e => ("channel_changed", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["channel_identifier"] = e.ChannelId.ToString(), ["partner"] = e.Partner.ToString(),
                ["state"] = ChannelViews.StateName(e.Status), ["what"] = e.What,
            }),
            EventLockExpired e => ("lock_expired", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["channel_identifier"] = e.ChannelId.ToString(), ["payer"] = e.Payer.ToString(),
                ["secret_hash"] = e.SecretHash.ToString(), ["amount"] = e.Amount.ToString(),
            }),
            EventWithdrawExpired e => ("withdraw_expired", new JsonObject
            {
                ["token_network"] = e.TokenNetwork.ToString(), ["channel_identifier"] = e.ChannelId.ToString(), ["participant"] = e.Participant.ToString(),
                ["total_withdraw"] = e.TotalWithdraw.ToString(), ["expiration_block"] = e.ExpirationBlock,
            }),
            _ => null,
        };
        return view is { } v ? new NodeEventView(dispatched.Id, v.Type, dispatched.Block, v.Data) : null;
    }
}
