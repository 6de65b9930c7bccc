namespace Photon.Protocol.Channels;

/// <summary>
/// The on-chain lifecycle as this node knows it (DESIGN.md §5: opened → closed → settled). Balance
/// proofs change only while <see cref="Opened"/>.
/// </summary>
public enum ChannelStatus
{
    Opened,
    Closed,
    Settled,
}
