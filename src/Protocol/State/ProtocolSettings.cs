using Photon.Contracts.Deployment;
using Photon.Protocol.Routing;

namespace Photon.Protocol.State;

/// <summary>
/// A node's local protocol policy. <see cref="RevealTimeout"/> is the number of blocks this node
/// needs to register a secret on chain when a payer does not unlock: a mediator forwards a lock
/// expiring that many blocks before the one it received, and a target requests a secret only while
/// more than that many blocks remain.
/// </summary>
public sealed record ProtocolSettings(ulong RevealTimeout, FeeSchedule DefaultFees)
{
    public static readonly ProtocolSettings Default = new(10, FeeSchedule.Free);

    /// <summary>
    /// The deployment's punish window (a TokenNetworkRegistry constructor parameter, the same for every
    /// token network of a deployment): punishObsoleteUnlock is accepted up to the settle block plus this
    /// many blocks, settleChannel only after. Defaults to the dev chain's; the shell sets the registry's.
    /// </summary>
    public ulong PunishWindow { get; init; } = DeploymentParameters.ForDevChain(0).PunishWindow;

    /// <summary>
    /// The reveal timeout used in a channel: the node's, but below half the channel's settle timeout,
    /// so a lock always has room to expire before settlement. At least 1.
    /// </summary>
    public ulong RevealTimeoutFor(ulong settleTimeout) => Math.Max(1, Math.Min(RevealTimeout, settleTimeout / 2));
}
