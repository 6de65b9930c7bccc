using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network;

public sealed class DeploymentTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task The_deployer_configures_the_registry_and_its_networks_with_the_parameters()
    {
        var registry = fixture.Registry;
        var network = fixture.Main.Reader;

        Assert.Equal(fixture.Deployment.SecretRegistry, await registry.SecretRegistryAsync());
        Assert.Equal(new UInt256(fixture.ChainId), await registry.ChainIdAsync());
        Assert.Equal(fixture.Main.Network, await registry.TokenToTokenNetworkAsync(fixture.Main.Token));
        Assert.Equal(fixture.Main.Token, await network.TokenAsync());
        Assert.Equal(fixture.Deployment.SecretRegistry, await network.SecretRegistryAsync());
        Assert.Equal(new UInt256(fixture.Parameters.SettleTimeoutMin), await network.SettleTimeoutMinAsync());
        Assert.Equal(new UInt256(fixture.Parameters.SettleTimeoutMax), await network.SettleTimeoutMaxAsync());
        Assert.Equal(new UInt256(fixture.Parameters.PunishWindow), await network.PunishWindowAsync());
        Assert.Equal(fixture.Main.Domain.Separator, await network.DomainSeparatorAsync());
    }

    [Fact]
    public async Task A_token_gets_one_network_only()
    {
        var error = await ContractAssert.RevertsWith(
            "TokenNetworkExists",
            () => fixture.Registry.CreateTokenNetworkAsync(fixture.Main.Token));

        Assert.Equal(fixture.Main.Network, error.Arguments.GetAddress("tokenNetwork"));
    }

    [Fact]
    public async Task A_token_network_needs_a_contract_as_token()
    {
        var notAContract = (await fixture.NewFundedKeyAsync()).Address;

        await ContractAssert.RevertsWith("NotAContract", () => fixture.Registry.CreateTokenNetworkAsync(notAContract));
    }

    [Fact]
    public async Task The_registry_refuses_another_chain_id_and_bad_timeout_bounds()
    {
        var sender = fixture.Deployer;
        var secretRegistry = fixture.Deployment.SecretRegistry;
        object?[] Args(ulong chainId, ulong min, ulong max, ulong punish) =>
            [secretRegistry, new UInt256(chainId), new UInt256(min), new UInt256(max), new UInt256(punish)];

        foreach (var (args, error) in new (object?[] Args, string Error)[]
        {
            (Args(fixture.ChainId + 1, 5, 100, 5), "ChainIdMismatch"),
            (Args(fixture.ChainId, 0, 100, 5), "InvalidSettleTimeoutBounds"),
            (Args(fixture.ChainId, 101, 100, 5), "InvalidSettleTimeoutBounds"),
            (Args(fixture.ChainId, 5, 1UL << 32, 5), "InvalidSettleTimeoutBounds"),
            (Args(fixture.ChainId, 5, 100, 0), "InvalidPunishWindow"),
        })
        {
            var exception = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(null, ContractArtifacts.TokenNetworkRegistry.DeploymentData(args)));
            var revertData = exception is ExecutionRevertedException reverted ? reverted.RevertData : default;
            var decoded = TokenNetworkRegistryContract.TryDecodeError(revertData.Span);
            Assert.True(decoded?.Error.Name == error, $"expected {error}, got {exception.Message}");
        }
    }
}
