using Photon.Contracts.Bindings;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// What a refused call must leave as it was: the network's channel counter, one channel's info, its
/// two participants' records and the token balances of the accounts involved, the network's among
/// them. Compared by content, so a refusal test asserts <c>Assert.Equal(before, after)</c>.
/// </summary>
public sealed record LifecycleState(
    UInt256 ChannelCounter,
    ChannelInfo Channel,
    ParticipantInfo First,
    ParticipantInfo Second,
    IReadOnlyList<(Address Account, UInt256 Balance)> Balances)
{
    /// <summary>Reads the state of <paramref name="channelId"/> seen through <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static async Task<LifecycleState> CaptureAsync(
        TokenNetworkSetup setup, UInt256 channelId, Address first, Address second, params Address[] others)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var reader = setup.Reader;
        var balances = new List<(Address, UInt256)>();
        foreach (var account in new[] { first, second }.Concat(others).Append(setup.Network))
            balances.Add((account, await setup.TokenBalanceAsync(account)));
        return new LifecycleState(
            await reader.ChannelCounterAsync(),
            await reader.GetChannelInfoAsync(channelId),
            await reader.GetParticipantInfoAsync(channelId, first),
            await reader.GetParticipantInfoAsync(channelId, second),
            balances);
    }

    public bool Equals(LifecycleState? other) =>
        other is not null
        && ChannelCounter == other.ChannelCounter
        && Channel == other.Channel
        && First == other.First
        && Second == other.Second
        && Balances.SequenceEqual(other.Balances);

    public override int GetHashCode() => HashCode.Combine(ChannelCounter, Channel, First, Second, Balances.Count);

    public override string ToString() =>
        $"counter {ChannelCounter}, {Channel}, first {First}, second {Second}, balances [{string.Join(", ", Balances.Select(b => $"{b.Account}: {b.Balance}"))}]";
}
