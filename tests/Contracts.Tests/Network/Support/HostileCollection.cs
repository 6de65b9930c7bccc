namespace Photon.Contracts.Tests.Network.Support;

/// <summary>The hostile-token classes share one Anvil and its hostile networks, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileFixture>
{
    public const string Name = "Hostile tokens";
}
