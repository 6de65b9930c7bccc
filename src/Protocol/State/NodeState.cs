using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Transfers;

namespace Photon.Protocol.State;

/// <summary>
/// Everything a node knows (DESIGN.md §6): chain → token networks → channels → payment tasks, the
/// secrets it knows, and the messages waiting for an acknowledgement. Immutable: a transition
/// returns a new state and never changes the one it was given, so any earlier state can be kept,
/// compared and replayed from.
/// </summary>
public sealed record NodeState
{
    public NodeState(Address our, ulong chainId, ulong blockNumber = 0, ProtocolSettings? settings = null)
    {
        Our = our;
        ChainId = chainId;
        BlockNumber = blockNumber;
        Settings = settings ?? ProtocolSettings.Default;
    }

    /// <summary>This node's address; every message it sends is signed with its key.</summary>
    public Address Our { get; init; }

    public ulong ChainId { get; init; }

    /// <summary>The latest block the node has seen (confirmed), never decreasing.</summary>
    public ulong BlockNumber { get; init; }

    public ProtocolSettings Settings { get; init; }

    /// <summary>Token networks by TokenNetwork contract address.</summary>
    public ImmutableDictionary<Address, TokenNetworkState> TokenNetworks { get; init; } = ImmutableDictionary<Address, TokenNetworkState>.Empty;

    /// <summary>Payments in progress by secret hash, in whichever role this node plays in each.</summary>
    public ImmutableDictionary<Hash256, PaymentTask> Payments { get; init; } = ImmutableDictionary<Hash256, PaymentTask>.Empty;

    /// <summary>Secrets this node knows, by secret hash (sha256).</summary>
    public ImmutableDictionary<Hash256, Hash256> Secrets { get; init; } = ImmutableDictionary<Hash256, Hash256>.Empty;

    /// <summary>Block at which each secret was registered on chain (SecretRegistry), by secret hash.</summary>
    public ImmutableDictionary<Hash256, ulong> SecretsRegisteredOnChain { get; init; } = ImmutableDictionary<Hash256, ulong>.Empty;

    /// <summary>Secret hashes whose registration on chain this node requested and has not seen yet (so it asks once).</summary>
    public ImmutableHashSet<Hash256> SecretRegistrationsRequested { get; init; } = ImmutableHashSet<Hash256>.Empty;

    /// <summary>Messages sent and not acknowledged yet, by message id.</summary>
    public ImmutableSortedDictionary<ulong, OutgoingMessage> Outbox { get; init; } = ImmutableSortedDictionary<ulong, OutgoingMessage>.Empty;

    /// <summary>The id of this node's next message; ids are never reused, so acknowledgements are unambiguous.</summary>
    public ulong NextMessageId { get; init; } = 1;

    /// <summary>
    /// Every channel of the node in a fixed order (token network, then channel id). Hash-based dictionaries
    /// enumerate in an order that depends on per-process hash seeds; rules that emit events while walking
    /// channels walk this list, so a replay in another process produces the same events and message ids.
    /// </summary>
    public IEnumerable<Channels.Channel> ChannelsInOrder() =>
        TokenNetworks.Values.OrderBy(network => network.Address)
            .SelectMany(network => network.Channels.Values.OrderBy(channel => channel.ChannelId));

    /// <summary>The token network at <paramref name="address"/>, or null.</summary>
    public TokenNetworkState? TokenNetwork(Address address) => TokenNetworks.GetValueOrDefault(address);

    /// <summary>True when <paramref name="secretHash"/>'s secret was registered on chain at a block ≤ <paramref name="expiration"/>.</summary>
    public bool IsRegisteredBy(Hash256 secretHash, UInt256 expiration) =>
        SecretsRegisteredOnChain.TryGetValue(secretHash, out var block) && block <= expiration;

    public bool Equals(NodeState? other) =>
        other is not null
        && Our == other.Our
        && ChainId == other.ChainId
        && BlockNumber == other.BlockNumber
        && Settings == other.Settings
        && NextMessageId == other.NextMessageId
        && Collections.DictionaryEqual(TokenNetworks, other.TokenNetworks)
        && Collections.DictionaryEqual(Payments, other.Payments)
        && Collections.DictionaryEqual(Secrets, other.Secrets)
        && Collections.DictionaryEqual(SecretsRegisteredOnChain, other.SecretsRegisteredOnChain)
        && SecretRegistrationsRequested.SetEquals(other.SecretRegistrationsRequested)
        && Collections.DictionaryEqual(Outbox, other.Outbox);

    public override int GetHashCode() => HashCode.Combine(Our, BlockNumber, NextMessageId, Payments.Count, Outbox.Count);
}
