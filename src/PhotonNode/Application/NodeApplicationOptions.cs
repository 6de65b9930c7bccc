using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>What the application needs to know about its deployment and defaults.</summary>
public sealed record NodeApplicationOptions(ulong ChainId, Address Registry, ulong PunishWindow)
{
    /// <summary>Settle timeout of channels opened without one (blocks).</summary>
    public ulong DefaultSettleTimeout { get; init; } = 500;

    /// <summary>Confirmation depth of chain sync: the node is "syncing" while further behind the head than this.</summary>
    public ulong Confirmations { get; init; }

    public string Version { get; init; } = typeof(NodeApplicationOptions).Assembly.GetName().Version?.ToString() ?? "0";
}
