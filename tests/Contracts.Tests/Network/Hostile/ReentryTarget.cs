namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>Which network function the re-entrant token calls from inside a transfer.</summary>
public enum ReentryTarget
{
    OpenChannel,
    SetTotalDeposit,
    SetTotalWithdraw,
    CooperativeSettle,
    SettleChannel,
    ClaimPayout,
}
