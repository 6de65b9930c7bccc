using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Protocol.Events;

namespace Photon.Node.Chain;

/// <summary><c>ContractSend*</c> events → the contract call that carries each out (pure).</summary>
public static class ContractCalls
{
    /// <summary>The call for <paramref name="transaction"/>, or null when the event is not a chain transaction.</summary>
    public static (Address To, byte[] Data)? For(Event transaction, Address secretRegistry) => transaction switch
    {
        ContractSendChannelClose e => (e.TokenNetwork, TokenNetworkContract.EncodeCloseChannel(e.ChannelId, e.Partner, e.BalanceHash, e.Nonce, e.AdditionalHash, e.PartnerSignature)),
        ContractSendChannelUpdate e => (e.TokenNetwork, TokenNetworkContract.EncodeUpdateNonClosingBalanceProof(e.ChannelId, e.ClosingParticipant, e.BalanceHash, e.Nonce, e.AdditionalHash, e.ClosingSignature)),
        ContractSendChannelSettle e => (e.TokenNetwork, TokenNetworkContract.EncodeSettleChannel(e.ChannelId, e.Participant1, e.TransferredAmount1, e.Locksroot1, e.Participant2, e.TransferredAmount2, e.Locksroot2)),
        ContractSendChannelUnlock e => (e.TokenNetwork, TokenNetworkContract.EncodeUnlock(e.ChannelId, e.Payer, e.TransferredAmount, e.Lock.Expiration, e.Lock.Amount, e.Lock.SecretHash, e.MerkleProof)),
        ContractSendChannelWithdraw e => (e.TokenNetwork, TokenNetworkContract.EncodeSetTotalWithdraw(e.ChannelId, e.Participant, e.TotalWithdraw, e.ExpirationBlock, e.ParticipantSignature, e.PartnerSignature)),
        ContractSendCooperativeSettle e => (e.TokenNetwork, TokenNetworkContract.EncodeCooperativeSettle(e.ChannelId, e.Participant1, e.Balance1, e.Participant2, e.Balance2, e.Signature1, e.Signature2)),
        ContractSendPunishObsoleteUnlock e => (e.TokenNetwork, TokenNetworkContract.EncodePunishObsoleteUnlock(e.ChannelId, e.Beneficiary, e.Cheater, e.LockHash, e.AdditionalHash, e.CheaterSignature)),
        ContractSendSecretRegister e => (secretRegistry, SecretRegistryContract.EncodeRegisterSecret(e.Secret)),
        _ => null,
    };

    /// <summary>The journal entry of <paramref name="event"/>: its type name and its JSON, or null for an event that is no transaction.</summary>
    public static (string Kind, string Request)? Describe(Event @event) =>
        @event.GetType().Name.StartsWith("ContractSend", StringComparison.Ordinal)
            ? (@event.GetType().Name, Storage.ProtocolJson.Encode(@event))
            : null;
}
