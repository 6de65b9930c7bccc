using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>One channel as a wallet sees it. Balances are what each side could pay now, locks excluded.</summary>
/// <remarks><list type="bullet">
/// <item><c>State</c>: <c>opened</c>, <c>closed</c> or <c>settled</c> (Raiden's names).</item>
/// <item><c>SettleBlock</c>: The block after which it can be settled; null while opened.</item>
/// </list></remarks>
public sealed record ChannelView(
    Address Token,
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Partner,
    string State,
    ulong SettleTimeout,
    ulong RevealTimeout,
    UInt256 TotalDeposit,
    UInt256 TotalWithdraw,
    UInt256 PartnerTotalDeposit,
    UInt256 PartnerTotalWithdraw,
    UInt256 Balance,
    UInt256 PartnerBalance,
    UInt256 LockedAmount,
    UInt256 PartnerLockedAmount,
    ulong? SettleBlock);
