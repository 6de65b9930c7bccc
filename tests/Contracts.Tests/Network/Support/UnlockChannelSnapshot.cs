using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>Everything a refused unlock or punishment must leave as it was: the channel, both participants, and the token balances.</summary>
public sealed record UnlockChannelSnapshot(
    ChannelInfo Channel,
    ParticipantInfo Payee,
    ParticipantInfo Payer,
    UInt256 PayeeTokens,
    UInt256 PayerTokens,
    UInt256 NetworkTokens);
