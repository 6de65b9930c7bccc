using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.Protocol.Messages;
using Photon.Protocol.Tests.Channels;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Negotiation;

/// <summary>Withdraw and cooperative-settle messages built by hand, as a dishonest or confused peer would.</summary>
internal static class CraftedMessages
{
    public static Eip712Domain Domain => PhotonDomain.Create(ChannelFixtures.ChainId, ChannelFixtures.TokenNetwork);

    public static ChannelRef Ref(UInt256? channelId = null) => new()
    {
        ChainId = ChannelFixtures.ChainId,
        TokenNetwork = WireValues.Encode(ChannelFixtures.TokenNetwork),
        ChannelId = WireValues.Encode(channelId ?? ChannelFixtures.ChannelId),
    };

    /// <summary>A WithdrawRequest whose signature is <paramref name="signer"/>'s over exactly its fields.</summary>
    public static Message Request(ulong messageId, Address participant, UInt256 total, ulong expiration, PrivateKey signer, UInt256? channelId = null)
    {
        var signature = new WithdrawProof(ChannelFixtures.ChannelId, participant, total, expiration).Sign(signer, Domain);
        return new Message
        {
            MessageId = messageId,
            WithdrawRequest = new WithdrawRequest
            {
                Channel = Ref(channelId),
                Participant = WireValues.Encode(participant),
                TotalWithdraw = WireValues.Encode(total),
                ExpirationBlock = expiration,
                ParticipantSignature = WireValues.Encode(signature),
            },
        };
    }

    /// <summary>A CooperativeSettleRequest whose signature is <paramref name="signer"/>'s over exactly its fields.</summary>
    public static Message SettleRequest(ulong messageId, Address participant1, UInt256 balance1, Address participant2, UInt256 balance2, PrivateKey signer)
    {
        var signature = new CooperativeSettleProof(ChannelFixtures.ChannelId, participant1, balance1, participant2, balance2).Sign(signer, Domain);
        return new Message
        {
            MessageId = messageId,
            CooperativeSettleRequest = new CooperativeSettleRequest
            {
                Channel = Ref(),
                Participant1 = WireValues.Encode(participant1),
                Balance1 = WireValues.Encode(balance1),
                Participant2 = WireValues.Encode(participant2),
                Balance2 = WireValues.Encode(balance2),
                Signature = WireValues.Encode(signature),
            },
        };
    }

    /// <summary>A CooperativeSettleConfirmation whose signature is <paramref name="signer"/>'s over exactly its fields.</summary>
    public static Message SettleConfirmation(ulong messageId, Address participant1, UInt256 balance1, Address participant2, UInt256 balance2, PrivateKey signer)
    {
        var request = SettleRequest(messageId, participant1, balance1, participant2, balance2, signer).CooperativeSettleRequest;
        return new Message
        {
            MessageId = messageId,
            CooperativeSettleConfirmation = new CooperativeSettleConfirmation
            {
                Channel = request.Channel,
                Participant1 = request.Participant1,
                Balance1 = request.Balance1,
                Participant2 = request.Participant2,
                Balance2 = request.Balance2,
                Signature = request.Signature,
            },
        };
    }
}
