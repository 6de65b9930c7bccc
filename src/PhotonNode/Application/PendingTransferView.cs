using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>A lock pending in one of this node's channels.</summary>
/// <remarks><list type="bullet">
/// <item><c>Direction</c>: <c>sent</c> (our lock to the partner) or <c>received</c>.</item>
/// </list></remarks>
public sealed record PendingTransferView(
    Address Token,
    UInt256 ChannelId,
    Address Partner,
    string Direction,
    UInt256 Amount,
    Hash256 SecretHash,
    ulong Expiration);
