using System.Text.Json.Nodes;

namespace Photon.Node.Application;

/// <summary>One payment or channel event for subscribers (SSE, gRPC).</summary>
/// <param name="Index">Rises by one per event and survives restarts, so a subscriber resumes where it stopped.</param>
/// <param name="Type">snake_case: <c>payment_sent</c>, <c>payment_received</c>, <c>payment_failed</c>, <c>channel_opened</c>, <c>channel_changed</c>, …</param>
/// <param name="Block">The node's block when it happened.</param>
/// <param name="Data">The event's fields (amounts as decimal strings, addresses EIP-55).</param>
public sealed record NodeEventView(long Index, string Type, ulong Block, JsonObject Data);
