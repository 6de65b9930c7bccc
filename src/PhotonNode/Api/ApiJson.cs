using System.Text.Json.Nodes;
using Photon.Node.Application;

namespace Photon.Node.Api;

/// <summary>Application views → the API's JSON (docs/api.md): snake_case, amounts as decimal strings, addresses EIP-55.</summary>
public static class ApiJson
{
    public static JsonObject Status(NodeStatus s) => new()
    {
        ["our_address"] = s.Address.ToString(),
        ["chain_id"] = s.ChainId,
        ["registry_address"] = s.Registry.ToString(),
        ["confirmed_block"] = s.ConfirmedBlock,
        ["chain_head"] = s.ChainHead,
        ["syncing"] = s.Syncing,
        ["transport_online"] = s.TransportOnline,
        ["version"] = s.Version,
    };

    public static JsonObject Token(TokenView t) => new()
    {
        ["token_address"] = t.Token.ToString(),
        ["token_network_address"] = t.TokenNetwork.ToString(),
        ["channels"] = t.Channels,
    };

    public static JsonObject Channel(ChannelView c) => new()
    {
        ["token_address"] = c.Token.ToString(),
        ["token_network_address"] = c.TokenNetwork.ToString(),
        ["channel_identifier"] = c.ChannelId.ToString(),
        ["partner_address"] = c.Partner.ToString(),
        ["state"] = c.State,
        ["settle_timeout"] = c.SettleTimeout,
        ["reveal_timeout"] = c.RevealTimeout,
        ["total_deposit"] = c.TotalDeposit.ToString(),
        ["total_withdraw"] = c.TotalWithdraw.ToString(),
        ["partner_total_deposit"] = c.PartnerTotalDeposit.ToString(),
        ["partner_total_withdraw"] = c.PartnerTotalWithdraw.ToString(),
        ["balance"] = c.Balance.ToString(),
        ["partner_balance"] = c.PartnerBalance.ToString(),
        ["locked_amount"] = c.LockedAmount.ToString(),
        ["partner_locked_amount"] = c.PartnerLockedAmount.ToString(),
        ["settle_block"] = c.SettleBlock,
    };

    public static JsonObject Payment(PaymentView p) => new()
    {
        ["token_address"] = p.Token.ToString(),
        ["identifier"] = p.Identifier.ToString(),
        ["direction"] = p.Direction,
        ["initiator_address"] = p.Initiator.ToString(),
        ["target_address"] = p.Target.ToString(),
        ["amount"] = p.Amount.ToString(),
        ["fee"] = p.Fee.ToString(),
        ["secret_hash"] = p.Direction == "sent" && p.SecretHash == default ? null : p.SecretHash.ToString(),
        ["secret"] = p.Secret?.ToString(),
        ["status"] = p.Status,
        ["reason"] = p.Reason,
        ["block"] = p.Block,
    };

    public static JsonObject PendingTransfer(PendingTransferView t) => new()
    {
        ["token_address"] = t.Token.ToString(),
        ["channel_identifier"] = t.ChannelId.ToString(),
        ["partner_address"] = t.Partner.ToString(),
        ["direction"] = t.Direction,
        ["amount"] = t.Amount.ToString(),
        ["secret_hash"] = t.SecretHash.ToString(),
        ["expiration"] = t.Expiration,
    };

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonObject> map) => [.. items.Select(i => (JsonNode)map(i))];
}
