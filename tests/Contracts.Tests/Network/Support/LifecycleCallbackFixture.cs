using Photon.Contracts.Artifacts;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// The network fixture plus one network for each token that deposits through a callback: an ERC223
/// token (tokenFallback) and an ApproveAndCall token (receiveApproval). Their parties come from
/// <see cref="TokenNetworkSetup.NewPartyAsync"/> of the setup, funded and approving as usual.
/// </summary>
public sealed class LifecycleCallbackFixture : NetworkFixture
{
    private TokenNetworkSetup? _erc223;
    private TokenNetworkSetup? _approveAndCall;

    public TokenNetworkSetup Erc223 => _erc223 ?? throw new InvalidOperationException("the fixture is not initialised");

    public TokenNetworkSetup ApproveAndCall => _approveAndCall ?? throw new InvalidOperationException("the fixture is not initialised");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Neither token takes constructor arguments: their names are fixed in contracts-sol/tokens.
        _erc223 = await CreateNetworkAsync(ContractArtifacts.Erc223Token);
        _approveAndCall = await CreateNetworkAsync(ContractArtifacts.ApproveAndCallToken);
    }
}
