using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Eip712;
using Photon.Protocol.Negotiation;
using Photon.Protocol.OnChain;
using Photon.Protocol.Routing;
using System.Collections.Immutable;

namespace Photon.Protocol.Channels;

/// <summary>
/// A channel as this node sees it: where it lives (chain, TokenNetwork, channel id — together the
/// identity every proof is bound to), its timeouts, and both ends. Immutable; <see cref="Domain"/>
/// is derived whenever the chain id or the TokenNetwork is set.
/// </summary>
public sealed record Channel
{
    private readonly ulong _chainId;
    private readonly Address _tokenNetwork;

    /// <exception cref="ArgumentException">Both ends have one address, or the timeouts cannot protect a lock.</exception>
    public Channel(
        ulong chainId,
        Address tokenNetwork,
        UInt256 channelId,
        ulong settleTimeout,
        ulong revealTimeout,
        ChannelEnd our,
        ChannelEnd partner,
        ChannelStatus status = ChannelStatus.Opened)
    {
        ArgumentNullException.ThrowIfNull(our);
        ArgumentNullException.ThrowIfNull(partner);
        if (our.Address == partner.Address)
            throw new ArgumentException($"both ends of a channel are {our.Address}", nameof(partner));
        // A lock must be able to expire before settlement, and its payee needs reveal time before that.
        if (revealTimeout == 0 || revealTimeout >= settleTimeout)
            throw new ArgumentException($"the reveal timeout ({revealTimeout}) must be at least 1 and below the settle timeout ({settleTimeout})", nameof(revealTimeout));
        ChainId = chainId;
        TokenNetwork = tokenNetwork;
        ChannelId = channelId;
        SettleTimeout = settleTimeout;
        RevealTimeout = revealTimeout;
        Our = our;
        Partner = partner;
        Status = status;
    }

    public ulong ChainId
    {
        get => _chainId;
        init
        {
            _chainId = value;
            Domain = PhotonDomain.Create(value, _tokenNetwork);
        }
    }

    /// <summary>The TokenNetwork contract holding the channel: the EIP-712 verifying contract.</summary>
    public Address TokenNetwork
    {
        get => _tokenNetwork;
        init
        {
            _tokenNetwork = value;
            Domain = PhotonDomain.Create(_chainId, value);
        }
    }

    public UInt256 ChannelId { get; init; }

    /// <summary>Blocks between closing and settlement; a lock may expire at most this far ahead.</summary>
    public ulong SettleTimeout { get; init; }

    /// <summary>Blocks a payee needs to register a secret on chain before a lock expires.</summary>
    public ulong RevealTimeout { get; init; }

    public ChannelEnd Our { get; init; }

    public ChannelEnd Partner { get; init; }

    public ChannelStatus Status { get; init; }

    /// <summary>Set once the channel is closed on chain.</summary>
    public ChannelClosing? Closing { get; init; }

    /// <summary>The withdraw being negotiated, if any.</summary>
    public WithdrawState? Withdraw { get; init; }

    /// <summary>The cooperative settlement being negotiated, if any; once we signed it the channel is frozen.</summary>
    public CooperativeSettleState? CooperativeSettle { get; init; }

    /// <summary>What this node charges to forward payments out through this channel; null for the node's default.</summary>
    public FeeSchedule? Fees { get; init; }

    /// <summary>
    /// The partner's signed Disposed proofs for locks this node paid it, by lock hash: the evidence for
    /// punishObsoleteUnlock should the partner unlock one on chain anyway.
    /// </summary>
    public ImmutableDictionary<Hash256, ProofSignature> PartnerDisposals { get; init; } = ImmutableDictionary<Hash256, ProofSignature>.Empty;

    /// <summary>The EIP-712 domain of every proof about this channel (PhotonDomain.Create(ChainId, TokenNetwork)).</summary>
    public Eip712Domain Domain { get; private init; } = PhotonDomain.Create(0, default);

    /// <summary>
    /// Set when this node asked to close the channel: the close carries the partner's latest proof, so from
    /// then on no balance proof may be made or accepted (a newer one could never reach the chain).
    /// </summary>
    public bool CloseRequested { get; init; }

    /// <summary>True while balance proofs may change the channel: opened, no close requested, and no cooperative settlement signed by us.</summary>
    public bool AcceptsTransfers => Status == ChannelStatus.Opened && !CloseRequested && CooperativeSettle?.Frozen != true;

    public bool Equals(Channel? other) =>
        other is not null
        && ChainId == other.ChainId && TokenNetwork == other.TokenNetwork && ChannelId == other.ChannelId
        && SettleTimeout == other.SettleTimeout && RevealTimeout == other.RevealTimeout
        && Our.Equals(other.Our) && Partner.Equals(other.Partner) && Status == other.Status && CloseRequested == other.CloseRequested
        && Equals(Closing, other.Closing) && Equals(Withdraw, other.Withdraw) && Equals(CooperativeSettle, other.CooperativeSettle)
        && Equals(Fees, other.Fees) && State.Collections.DictionaryEqual(PartnerDisposals, other.PartnerDisposals);

    public override int GetHashCode() => HashCode.Combine(ChannelId, Our, Partner, Status);

    /// <summary>The end of <paramref name="participant"/> and the other one.</summary>
    /// <exception cref="ArgumentException"><paramref name="participant"/> is not in the channel.</exception>
    public (ChannelEnd Own, ChannelEnd Other) EndsOf(Address participant) =>
        participant == Our.Address ? (Our, Partner)
        : participant == Partner.Address ? (Partner, Our)
        : throw new ArgumentException($"{participant} is not a participant of channel {ChannelId}", nameof(participant));

    /// <summary>This channel with <paramref name="end"/> replacing the end of the same address.</summary>
    /// <exception cref="ArgumentException">The end's address is not a participant.</exception>
    public Channel WithEnd(ChannelEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        return end.Address == Our.Address ? this with { Our = end }
            : end.Address == Partner.Address ? this with { Partner = end }
            : throw new ArgumentException($"{end.Address} is not a participant of channel {ChannelId}", nameof(end));
    }
}
