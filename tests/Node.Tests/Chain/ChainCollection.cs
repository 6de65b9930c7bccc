namespace Photon.Node.Tests.Chain;

/// <summary>The Anvil-backed chain test classes share one chain and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChainCollection : ICollectionFixture<ChainFixture>
{
    public const string Name = "Chain on Anvil";
}
