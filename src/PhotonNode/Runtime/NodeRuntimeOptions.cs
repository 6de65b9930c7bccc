namespace Photon.Node.Runtime;

/// <summary>Tuning of the runtime loop (docs/node.md "Runtime").</summary>
public sealed record NodeRuntimeOptions
{
    /// <summary>At most this many state changes share one commit (group commit).</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>A snapshot of the whole state is written after this many state changes.</summary>
    public int SnapshotInterval { get; init; } = 500;

    /// <summary>An unacknowledged message is sent again after this long.</summary>
    public TimeSpan ResendInterval { get; init; } = TimeSpan.FromSeconds(5);
}
