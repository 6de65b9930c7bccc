using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Chain;

/// <summary>
/// Reads confirmed chain events for the node (docs/node.md "Chain"): the registry, the secret registry and
/// every token network of the registry, from the block after the last applied one up to head − confirmations,
/// in chunks of at most <see cref="MaxChunk"/> blocks.
/// </summary>
public sealed class ChainSync(EthClient eth, Address registry, Address secretRegistry, ulong confirmations)
{
    /// <summary>The widest block range of one <c>eth_getLogs</c> (public endpoints refuse far wider ones).</summary>
    public const ulong MaxChunk = 10_000;

    public ulong Confirmations => confirmations;

    /// <summary>The head the last <see cref="NextAsync"/> saw.</summary>
    public ulong LastHead { get; private set; }

    /// <summary>
    /// The next chunk after <paramref name="lastApplied"/>, or null when no newer block is confirmed.
    /// <paramref name="tokenNetworks"/> are the token networks known before the chunk; one created inside it
    /// is read for the same chunk too, so none of its events is missed.
    /// </summary>
    public async Task<ChainBatch?> NextAsync(ulong lastApplied, IReadOnlyCollection<Address> tokenNetworks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokenNetworks);
        var head = await eth.BlockNumberAsync(ct).ConfigureAwait(false);
        LastHead = head;
        if (head < confirmations || head - confirmations <= lastApplied)
            return null;
        var confirmed = head - confirmations;
        var from = lastApplied + 1;
        var to = Math.Min(confirmed, from + MaxChunk - 1);

        var events = await ReadRangeAsync(from, to, tokenNetworks, ct).ConfigureAwait(false);
        var changes = new List<StateChange>(events.Count + 1);
        changes.AddRange(events.Select(ChainLogMapper.ToStateChange).OfType<StateChange>());
        changes.Add(new Photon.Protocol.StateChanges.Block(to));
        return new ChainBatch(from, to, events, changes);
    }

    /// <summary>
    /// The events of blocks <paramref name="from"/>..<paramref name="to"/> in chain order, including those of
    /// token networks created in the range. The caller keeps the range within <see cref="MaxChunk"/>.
    /// </summary>
    public async Task<List<ContractEvent>> ReadRangeAsync(ulong from, ulong to, IReadOnlyCollection<Address> tokenNetworks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokenNetworks);
        var events = await ReadAsync(from, to, [registry, secretRegistry, .. tokenNetworks], ct).ConfigureAwait(false);
        var created = events.OfType<TokenNetworkCreated>().Where(e => e.Contract == registry).Select(e => e.TokenNetwork).Except(tokenNetworks).ToList();
        if (created.Count > 0)
            events.AddRange(await ReadAsync(from, to, created, ct).ConfigureAwait(false));
        events.Sort((a, b) => (a.BlockNumber, a.LogIndex).CompareTo((b.BlockNumber, b.LogIndex)));
        return events;
    }

    private async Task<List<ContractEvent>> ReadAsync(ulong from, ulong to, IReadOnlyList<Address> addresses, CancellationToken ct)
    {
        var logs = await eth.GetLogsAsync(new LogFilter { FromBlock = from, ToBlock = to, Addresses = addresses }, ct).ConfigureAwait(false);
        var events = new List<ContractEvent>(logs.Count);
        foreach (var log in logs)
        {
            if (log.Removed)
                continue;
            ContractEvent? decoded = log.Address == registry ? TokenNetworkRegistryContract.TryDecode(log)
                : log.Address == secretRegistry ? SecretRegistryContract.TryDecode(log)
                : TokenNetworkContract.TryDecode(log);
            if (decoded is not null)
                events.Add(decoded);
        }
        return events;
    }
}
