namespace Photon.Relay.Server;

/// <summary>What one recipient has queued: the quota is checked against it before anything is stored.</summary>
internal readonly record struct QueueUsage(long Messages, long Bytes)
{
    public QueueUsage Add(long messages, long bytes) => new(Messages + messages, Bytes + bytes);
}
