using Photon.Ethereum;

namespace Photon.Node.Chain;

/// <summary>
/// The durable record of the transactions the node must send (docs/node.md, "Transactions"), implemented by
/// the node's database. Rows for <c>ContractSend*</c> events are inserted by the database in the same commit
/// as their state change; <see cref="AddAsync"/> inserts those of API actions (register, open, deposit).
/// </summary>
public interface IChainTransactionJournal
{
    /// <summary>Inserts a Pending row and returns its id.</summary>
    Task<long> AddAsync(string kind, string request, CancellationToken ct);

    /// <summary>Records the hash of the transaction the Ethereum node accepted for row <paramref name="id"/> (Pending → Submitted).</summary>
    Task MarkSubmittedAsync(long id, Hash256 hash, CancellationToken ct);

    /// <summary>Ends row <paramref name="id"/> as Mined or Failed (with <paramref name="error"/> saying why).</summary>
    Task MarkFinishedAsync(long id, ChainTransactionStatus status, string? error, CancellationToken ct);

    /// <summary>The rows still Pending or Submitted, in id order: what a restart must resume.</summary>
    Task<IReadOnlyList<ChainTransactionRecord>> LoadUnfinishedAsync(CancellationToken ct);
}
