using System.Numerics;
using Photon.Contracts.Deployment;

namespace Photon.Contracts.Tests.Network;

public sealed class ContractBoundsTests
{
    [Fact]
    public void The_bounds_are_the_packing_limits_of_the_contract()
    {
        Assert.Equal((BigInteger.One << 127) - 1, ContractBounds.MaxDeposit.ToBigInteger());
        Assert.Equal((BigInteger.One << 96) - 1, ContractBounds.MaxReward.ToBigInteger());
        Assert.Equal((1UL << 48) - 1, ContractBounds.MaxNonce);
        Assert.Equal(4_294_967_295UL, ContractBounds.MaxTimeout);
    }

    [Theory]
    [InlineData(0UL, 10UL, 5UL)]
    [InlineData(11UL, 10UL, 5UL)]
    [InlineData(5UL, 4_294_967_296UL, 5UL)]
    [InlineData(5UL, 10UL, 0UL)]
    public void Parameters_the_registry_would_refuse_are_refused_before_anything_is_sent(ulong min, ulong max, ulong punish)
    {
        var parameters = new DeploymentParameters(31337, min, max, punish);

        Assert.Throws<ArgumentException>(parameters.Validate);
        DeploymentParameters.ForChain(1).Validate();
        DeploymentParameters.ForDevChain(31337).Validate();
    }
}
