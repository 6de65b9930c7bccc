using System.Collections.Concurrent;
using Photon.Ethereum;
using Photon.Node.Chain;
using Photon.Node.Storage;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// The node's real <see cref="NodeDatabase"/> as the runner's journal, with every hash the runner records
/// kept in order: what was sent, and how often, for each row.
/// </summary>
public sealed class RecordingJournal(NodeDatabase database) : IChainTransactionJournal
{
    private readonly ConcurrentQueue<(long Id, Hash256 Hash)> _submissions = new();

    public NodeDatabase Database { get; } = database;

    /// <summary>Every <see cref="MarkSubmittedAsync"/> so far, in call order.</summary>
    public IReadOnlyList<(long Id, Hash256 Hash)> Submissions => [.. _submissions];

    public Task<long> AddAsync(string kind, string request, CancellationToken ct) => Database.AddAsync(kind, request, ct);

    public async Task MarkSubmittedAsync(long id, Hash256 hash, CancellationToken ct)
    {
        await Database.MarkSubmittedAsync(id, hash, ct);
        _submissions.Enqueue((id, hash));
    }

    public Task MarkFinishedAsync(long id, ChainTransactionStatus status, string? error, CancellationToken ct) => Database.MarkFinishedAsync(id, status, error, ct);

    public Task<IReadOnlyList<ChainTransactionRecord>> LoadUnfinishedAsync(CancellationToken ct) => Database.LoadUnfinishedAsync(ct);

    /// <summary>The hashes recorded for row <paramref name="id"/>.</summary>
    public IReadOnlyList<Hash256> SubmissionsOf(long id) => [.. _submissions.Where(s => s.Id == id).Select(s => s.Hash)];
}
