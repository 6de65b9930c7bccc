using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>Moves a channel through its lifecycle for tests that need it closed or settled.</summary>
public static class LifecycleChannels
{
    /// <summary><paramref name="closer"/> closes without any proof from its partner (the all-zero close).</summary>
    public static Task<TransactionReceipt> CloseWithoutProofAsync(Party closer, Party partner, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(closer);
        ArgumentNullException.ThrowIfNull(partner);
        return closer.Network.CloseChannelAsync(channelId, partner.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
    }

    /// <summary>
    /// Closes without proofs, mines past the settle block and the punish window, and settles with
    /// nothing transferred: each participant gets back its deposit minus its withdrawals.
    /// </summary>
    public static async Task<TransactionReceipt> CloseAndSettleAsync(Party closer, Party partner, UInt256 channelId)
    {
        await CloseWithoutProofAsync(closer, partner, channelId);
        return await SettleClosedAsync(closer, partner, channelId);
    }

    /// <summary>Mines past the settle block and the punish window of a channel closed without proofs, and settles it (by a third party).</summary>
    public static async Task<TransactionReceipt> SettleClosedAsync(Party participant, Party partner, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(partner);
        var setup = participant.Setup;
        var info = await setup.Reader.GetChannelInfoAsync(channelId);
        // settleChannel is allowed from settleBlockNumber + punishWindow + 1; the next transaction is mined at head + 1.
        await setup.Fixture.MineToAsync((ulong)info.SettleBlockNumber + setup.Fixture.Parameters.PunishWindow);
        return await setup.AsThirdParty.SettleChannelAsync(
            channelId, participant.Address, UInt256.Zero, Hash256.Zero, partner.Address, UInt256.Zero, Hash256.Zero);
    }

    /// <summary>Both sign and settle cooperatively with these balances (in the order given), submitted by a third party.</summary>
    public static Task<TransactionReceipt> CooperativeSettleAsync(Party first, UInt256 firstBalance, Party second, UInt256 secondBalance, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var proof = new CooperativeSettleProof(channelId, first.Address, firstBalance, second.Address, secondBalance);
        return first.Setup.AsThirdParty.CooperativeSettleAsync(
            channelId, first.Address, firstBalance, second.Address, secondBalance, first.Sign(proof), second.Sign(proof));
    }
}
