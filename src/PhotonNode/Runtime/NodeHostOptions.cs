using Photon.Ethereum;

namespace Photon.Node.Runtime;

/// <summary>Everything <c>photon node</c> is started with (docs/node.md).</summary>
public sealed record NodeHostOptions
{
    /// <summary>The Ethereum JSON-RPC endpoint.</summary>
    public required Uri EthRpc { get; init; }

    /// <summary>The relay's base URL.</summary>
    public required Uri Relay { get; init; }

    /// <summary>The relay's <c>server_name</c>, named in the login text the node signs.</summary>
    public string RelayName { get; init; } = "photon-relay";

    /// <summary>The TokenNetworkRegistry to follow; required on the first start, then remembered (and must not change).</summary>
    public Address? Registry { get; init; }

    /// <summary>The block to start syncing from on the first start (the registry's deployment block; 0 on a dev chain).</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>Root of the data directories.</summary>
    public string DataRoot { get; init; } = DataDirectory.DefaultRoot;

    /// <summary>Where the REST API listens.</summary>
    public string ApiAddress { get; init; } = "127.0.0.1:5001";

    /// <summary>Blocks behind the head that count as confirmed; null: 5, or 0 on a dev chain.</summary>
    public ulong? Confirmations { get; init; }

    /// <summary>How often the head is polled; null: 1 s, or 100 ms on a dev chain.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>SQLite <c>synchronous=FULL</c> (default) or NORMAL (benchmarks).</summary>
    public bool SynchronousFull { get; init; } = true;

    /// <summary>Settle timeout of channels opened without one.</summary>
    public ulong DefaultSettleTimeout { get; init; } = 500;
}
