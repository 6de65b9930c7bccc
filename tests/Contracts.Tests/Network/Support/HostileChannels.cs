using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>The channel steps the hostile-token tests repeat: proofs both sides sign, and waiting out a close.</summary>
public static class HostileChannels
{
    /// <summary>Both participants sign the withdrawal, valid for 1,000 blocks.</summary>
    public static async Task<(WithdrawProof Proof, Signature Own, Signature Partner)> SignWithdrawAsync(
        Party participant, Party partner, UInt256 channelId, UInt256 totalWithdraw)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(partner);
        var expiration = await participant.Setup.Fixture.BlockNumberAsync() + 1_000;
        var proof = new WithdrawProof(channelId, participant.Address, totalWithdraw, expiration);
        return (proof, participant.Sign(proof), partner.Sign(proof));
    }

    /// <summary>Both participants sign the final balances of a cooperative settlement.</summary>
    public static (CooperativeSettleProof Proof, Signature Signature1, Signature Signature2) SignCooperativeSettle(
        Party participant1, UInt256 balance1, Party participant2, UInt256 balance2, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(participant1);
        ArgumentNullException.ThrowIfNull(participant2);
        var proof = new CooperativeSettleProof(channelId, participant1.Address, balance1, participant2.Address, balance2);
        return (proof, participant1.Sign(proof), participant2.Sign(proof));
    }

    /// <summary>Mines until the next transaction is the first that may settle the closed channel.</summary>
    public static async Task MineUntilSettleableAsync(TokenNetworkSetup setup, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var info = await setup.Reader.GetChannelInfoAsync(channelId);
        await setup.Fixture.MineToAsync((ulong)info.SettleBlockNumber + setup.Fixture.Parameters.PunishWindow);
    }

    /// <summary><paramref name="closer"/> closes without any proof of its partner, then the settle window is mined away.</summary>
    public static async Task CloseWithoutProofAndWaitAsync(TokenNetworkSetup setup, Party closer, Address partner, UInt256 channelId)
    {
        ArgumentNullException.ThrowIfNull(closer);
        await closer.Network.CloseChannelAsync(channelId, partner, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        await MineUntilSettleableAsync(setup, channelId);
    }
}
