using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>
/// Withdraw from the channel with <see cref="Partner"/> without closing it, up to a new total of
/// <see cref="TotalWithdraw"/>: asks the partner to co-sign a Withdraw valid for <see cref="ValidBlocks"/> blocks.
/// </summary>
public sealed record ActionWithdraw(Address TokenNetwork, Address Partner, UInt256 TotalWithdraw, ulong ValidBlocks) : StateChange;
