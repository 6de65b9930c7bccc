using Photon.Ethereum;

namespace Photon.Contracts.Deployment;

/// <summary>
/// The channel parameters fixed once per deployment by the TokenNetworkRegistry constructor. The
/// contract refuses a chain id other than the chain's own, a zero or inverted settle timeout
/// range, bounds of 2^32 blocks or more, and a zero punish window.
/// </summary>
public sealed record DeploymentParameters(ulong ChainId, ulong SettleTimeoutMin, ulong SettleTimeoutMax, ulong PunishWindow)
{
    /// <summary>
    /// Public-chain defaults, in blocks of about 12 s: a channel stays closed at least an hour
    /// (300) so an offline node or its monitor can react, at most about 77 days (555,428, as
    /// Raiden); a punish window as long as the shortest settle timeout, since a cheater can
    /// unlock in the last block of the update window and its partner (or monitor) then needs
    /// as much time to answer as it had to answer a close.
    /// </summary>
    public static DeploymentParameters ForChain(ulong chainId) => new(chainId, 300, 555_428, 300);

    /// <summary>For a local dev chain that mines on demand: short windows so tests and demos settle in seconds.</summary>
    public static DeploymentParameters ForDevChain(ulong chainId) => new(chainId, 5, 10_000, 5);

    /// <summary>Refuses, before anything is sent, what the registry constructor would refuse.</summary>
    /// <exception cref="ArgumentException">A bound the contract would refuse, named.</exception>
    public void Validate()
    {
        if (SettleTimeoutMin == 0 || SettleTimeoutMin > SettleTimeoutMax || SettleTimeoutMax > ContractBounds.MaxTimeout)
            throw new ArgumentException($"settle timeouts must satisfy 1 ≤ min ≤ max ≤ {ContractBounds.MaxTimeout}; got min {SettleTimeoutMin}, max {SettleTimeoutMax}");
        if (PunishWindow == 0 || PunishWindow > ContractBounds.MaxTimeout)
            throw new ArgumentException($"the punish window must be between 1 and {ContractBounds.MaxTimeout} blocks; got {PunishWindow}");
    }

    internal object?[] ConstructorArguments(Address secretRegistry) =>
        [secretRegistry, new UInt256(ChainId), new UInt256(SettleTimeoutMin), new UInt256(SettleTimeoutMax), new UInt256(PunishWindow)];
}
