using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>A payment to start. Optional fields are chosen by the node when null.</summary>
/// <remarks><list type="bullet">
/// <item><c>Identifier</c>: The payment id; random when null. Unique per token among this node's payments.</item>
/// <item><c>Secret</c>: The secret for a mediated payment; random when null. Must hash to <paramref name="SecretHash"/> when both are given.</item>
/// <item><c>SecretHash</c>: sha256 of the secret; given alone, the target must already know the secret (a swap).</item>
/// <item><c>LockTimeout</c>: Blocks until the first lock expires; null takes the node's default.</item>
/// </list></remarks>
public sealed record PaymentRequest(
    Address Token,
    Address Target,
    UInt256 Amount,
    UInt256? Identifier = null,
    Hash256? Secret = null,
    Hash256? SecretHash = null,
    ulong? LockTimeout = null);
