namespace Photon.Contracts.Bindings;

/// <summary>The state of a channel as <c>getChannelInfo</c> reports it (a <c>uint8</c> on chain).</summary>
public enum ChannelState : byte
{
    /// <summary>No such channel: an id never handed out (a settled one reads <see cref="Settled"/>).</summary>
    None = 0,
    Opened = 1,
    Closed = 2,
    Settled = 3,
}
