using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>
/// An event of one of our contracts, decoded from a log, with where the log sits on chain. The
/// decoders set the location from the log; records built by hand (tests, replays) set it themselves.
/// Compared by content, so the same log decoded twice gives equal events.
/// </summary>
public abstract record ContractEvent
{
    /// <summary>The contract that emitted the log.</summary>
    public Address Contract { get; init; }

    public ulong BlockNumber { get; init; }

    /// <summary>The block's hash, to notice a reorganisation that replaced the block.</summary>
    public Hash256 BlockHash { get; init; }

    public Hash256 TransactionHash { get; init; }

    /// <summary>The log's position in its block.</summary>
    public ulong LogIndex { get; init; }
}
