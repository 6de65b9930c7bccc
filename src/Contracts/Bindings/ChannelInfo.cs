using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>
/// What <c>getChannelInfo</c> returns. <see cref="SettleBlockNumber"/> is 0 until the channel is
/// closed; then it is the close block + <see cref="SettleTimeout"/>.
/// </summary>
public sealed record ChannelInfo(
    ChannelState State,
    UInt256 SettleTimeout,
    UInt256 SettleBlockNumber,
    Address Participant1,
    Address Participant2);
