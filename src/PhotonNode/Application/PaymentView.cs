using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>A payment this node sent or received.</summary>
/// <remarks><list type="bullet">
/// <item><c>Direction</c>: <c>sent</c> or <c>received</c>.</item>
/// <item><c>Status</c>: <c>pending</c>, <c>succeeded</c> or <c>failed</c>.</item>
/// <item><c>Fee</c>: What the mediators kept (sent payments that succeeded; zero otherwise).</item>
/// <item><c>Secret</c>: Known to the initiator; null for received payments until revealed.</item>
/// <item><c>Reason</c>: Why it failed; null otherwise.</item>
/// <item><c>Block</c>: The node's block when the payment reached its current status.</item>
/// </list></remarks>
public sealed record PaymentView(
    Address Token,
    UInt256 Identifier,
    string Direction,
    Address Initiator,
    Address Target,
    UInt256 Amount,
    UInt256 Fee,
    Hash256 SecretHash,
    Hash256? Secret,
    string Status,
    string? Reason,
    ulong Block);
