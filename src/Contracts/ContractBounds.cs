using Photon.Ethereum;

namespace Photon.Contracts;

/// <summary>
/// The bounds the TokenNetwork packs its storage into (docs/contracts.md): anything beyond them
/// is refused on chain, so a node or a monitor checks them before it signs or accepts a value
/// it would later have to submit.
/// </summary>
public static class ContractBounds
{
    /// <summary>Nonces are below 2^48 (<c>NonceTooLarge</c>).</summary>
    public const ulong MaxNonce = (1UL << 48) - 1;

    /// <summary>A participant's total deposit is below 2^127 (<c>AmountTooLarge</c>).</summary>
    public static readonly UInt256 MaxDeposit = UInt256.Parse("0x7fffffffffffffffffffffffffffffff");

    /// <summary>A monitor's reward is below 2^96 (<c>RewardTooLarge</c>).</summary>
    public static readonly UInt256 MaxReward = UInt256.Parse("0xffffffffffffffffffffffff");

    /// <summary>Settle timeouts and the punish window are below 2^32 blocks (registry constructor).</summary>
    public const ulong MaxTimeout = uint.MaxValue;
}
