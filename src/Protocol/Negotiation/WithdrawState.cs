using Photon.Ethereum;

namespace Photon.Protocol.Negotiation;

/// <summary>A Withdraw being negotiated in a channel: who withdraws, the new total, until when it is valid, and the signatures so far.</summary>
public sealed record WithdrawState(Address Participant, UInt256 TotalWithdraw, ulong ExpirationBlock, Signature? ParticipantSignature, Signature? PartnerSignature);
