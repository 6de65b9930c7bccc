using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>An open channel of two other parties, with deposits, that a hostile episode must leave exactly as it was.</summary>
internal sealed class Bystander(TokenNetworkSetup setup, UInt256 channelId, Party a, Party b, HostileChannelState state)
{
    public static async Task<Bystander> OpenAsync(HostileFixture fixture, TokenNetworkSetup setup)
    {
        var (a, b) = (await fixture.NewPartyAsync(setup), await fixture.NewPartyAsync(setup));
        var channelId = await setup.OpenWithDepositsAsync(a, b, 25, 35);
        return new Bystander(setup, channelId, a, b, await HostileChannelState.ReadAsync(setup, channelId, a.Address, b.Address));
    }

    public async Task AssertUntouchedAsync() =>
        Assert.Equal(state, await HostileChannelState.ReadAsync(setup, channelId, a.Address, b.Address));
}
