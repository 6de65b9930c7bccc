using Photon.Ethereum;

namespace Photon.Protocol.OnChain;

/// <summary>
/// When a transaction asked for now can still be accepted. The contract's windows include their last block
/// (docs/contracts.md), but a transaction asked for at the node's latest block is mined in a later block,
/// so the node asks only while its block is before the window's last one.
/// </summary>
internal static class ChainWindows
{
    /// <summary>True when a transaction asked for at <paramref name="block"/> can be mined at or before <paramref name="lastBlock"/>.</summary>
    public static bool CanLandBy(ulong block, ulong lastBlock) => block < lastBlock;

    /// <summary>True when a transaction asked for at <paramref name="block"/> can be mined at or before the block <paramref name="expiration"/> (a lock's, a uint256).</summary>
    public static bool CanLandBy(ulong block, UInt256 expiration) => new UInt256(block) < expiration;
}
