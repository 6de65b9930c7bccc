namespace Photon.Contracts.Tests.Proofs;

/// <summary>The proof and lock tests against the EVM share one Anvil with one deployed harness.</summary>
[CollectionDefinition(Name)]
public sealed class ProofsHarnessCollection : ICollectionFixture<ProofsHarnessChain>
{
    public const string Name = "proofs-harness";
}
