namespace Photon.Relay.Client;

/// <summary>One sync's answer; entries stay raw text so that one bad entry is dropped alone.</summary>
internal sealed record SyncAnswer(string NextBatch, IReadOnlyList<SyncEntry> Messages);

/// <summary>One message of a sync as the relay sent it: <c>from</c> and the base64 <c>body</c> (null when missing).</summary>
internal sealed record SyncEntry(string? From, string? Body);
