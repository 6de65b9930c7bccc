using Photon.Contracts.Bindings;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Chain;

/// <summary>Decoded contract events → the state changes the state machine knows (pure).</summary>
public static class ChainLogMapper
{
    /// <summary>The state change of <paramref name="contractEvent"/>, or null for an event the state machine does not follow (payouts, monitor rewards).</summary>
    /// <exception cref="OverflowException">A nonce beyond 64 bits: no contract of ours emits one (nonces stop at 2^48).</exception>
    public static StateChange? ToStateChange(ContractEvent contractEvent)
    {
        ArgumentNullException.ThrowIfNull(contractEvent);
        var network = contractEvent.Contract;
        var block = contractEvent.BlockNumber;
        return contractEvent switch
        {
            TokenNetworkCreated e => new ContractReceiveTokenNetworkCreated(e.Token, e.TokenNetwork, block),
            SecretRevealed e => new ContractReceiveSecretRevealed(e.SecretHash, e.Secret, block),
            ChannelOpened e => new ContractReceiveChannelOpened(network, e.ChannelId, e.Participant1, e.Participant2, (ulong)e.SettleTimeout, block),
            ChannelNewDeposit e => new ContractReceiveChannelDeposit(network, e.ChannelId, e.Participant, e.TotalDeposit, block),
            ChannelWithdraw e => new ContractReceiveChannelWithdraw(network, e.ChannelId, e.Participant, e.TotalWithdraw, block),
            ChannelClosed e => new ContractReceiveChannelClosed(network, e.ChannelId, e.ClosingParticipant, (ulong)e.Nonce, e.BalanceHash, block),
            NonClosingBalanceProofUpdated e => new ContractReceiveNonClosingBalanceProofUpdated(network, e.ChannelId, e.ClosingParticipant, (ulong)e.Nonce, e.BalanceHash, block),
            ChannelUnlocked e => new ContractReceiveChannelUnlocked(network, e.ChannelId, e.Payee, e.LockHash, e.TransferredAmount, block),
            ChannelPunished e => new ContractReceiveChannelPunished(network, e.ChannelId, e.Beneficiary, e.Cheater, block),
            ChannelSettled e => new ContractReceiveChannelSettled(network, e.ChannelId, e.Participant1Amount, e.Participant2Amount, block),
            ChannelCooperativeSettled e => new ContractReceiveChannelCooperativeSettled(network, e.ChannelId, e.Participant1Amount, e.Participant2Amount, block),
            _ => null,
        };
    }
}
