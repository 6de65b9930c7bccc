namespace Photon.Pathfinder.Graph;

/// <summary>What applying a (verified) update to the graph did.</summary>
public enum GraphChange
{
    /// <summary>The update is newer and is now in force.</summary>
    Applied,

    /// <summary>The same update was applied before: nothing changed.</summary>
    Unchanged,

    /// <summary>A newer update is in force (lower nonce or sequence, or the same with other values): refused.</summary>
    Stale,

    /// <summary>The channel is not open in this token network (never opened, closed or settled): refused.</summary>
    ChannelNotOpen,

    /// <summary>The updater is not a participant of the channel: refused.</summary>
    NotParticipant,
}
