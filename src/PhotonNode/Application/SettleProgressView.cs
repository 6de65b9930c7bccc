namespace Photon.Node.Application;

/// <param name="Block">The node's confirmed block now.</param>
/// <param name="SettleableAt">The first block at which settleChannel is accepted (settle block + punish window + 1).</param>
public sealed record SettleProgressView(ulong Block, ulong SettleableAt);
