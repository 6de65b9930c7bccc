using Photon.Ethereum.JsonRpc;

namespace Photon.TestSupport;

/// <summary>How an <see cref="AnvilFixture"/> runs its chain.</summary>
public sealed record AnvilOptions
{
    public ulong ChainId { get; init; } = 31337;

    /// <summary>Seconds between blocks (interval mining); null mines a block per transaction (automine).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>
    /// Keep the chain across <see cref="AnvilFixture.RestartAsync"/>: Anvil loads and dumps a state
    /// file in a private temp folder, on a graceful stop and every second. After a SIGKILL the
    /// changes of the last second may be lost, as with any crashed node.
    /// </summary>
    public bool PersistState { get; init; }

    /// <summary>The EVM hardfork (e.g. "prague"); null for Anvil's default.</summary>
    public string? Hardfork { get; init; }

    /// <summary>More arguments for Anvil, appended after the fixture's own.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How long Anvil may take to answer eth_chainId after it is started.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Options of the fixture's <see cref="AnvilFixture.Rpc"/> client.</summary>
    public JsonRpcClientOptions RpcOptions { get; init; } = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(30),
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
    };
}
