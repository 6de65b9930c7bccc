using Photon.Ethereum;

namespace Photon.Node.Application;

/// <remarks><list type="bullet">
/// <item><c>SettleTimeout</c>: Blocks between close and settle; null takes the node's default.</item>
/// <item><c>TotalDeposit</c>: Deposited in the same transaction when above zero.</item>
/// </list></remarks>
public sealed record OpenChannelRequest(Address Token, Address Partner, ulong? SettleTimeout, UInt256 TotalDeposit);
