using Photon.Ethereum;

namespace Photon.Protocol.OnChain;

/// <summary>How a channel was closed on chain: by whom, in which block, and from which block it can be settled.</summary>
public sealed record ChannelClosing(Address Closer, ulong ClosedBlock, ulong SettleBlock);
