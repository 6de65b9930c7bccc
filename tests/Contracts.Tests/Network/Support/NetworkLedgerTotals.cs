using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>A network's token balance beside what its live channels hold and what it keeps as deferred payouts.</summary>
public sealed record NetworkLedgerTotals(UInt256 Balance, UInt256 Holdings, UInt256 Deferred, int LiveChannels);
