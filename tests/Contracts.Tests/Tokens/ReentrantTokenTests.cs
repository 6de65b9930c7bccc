using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>Once armed, the re-entrant token makes its call exactly once, records how it ended, and transfers normally.</summary>
public sealed class ReentrantTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task An_unarmed_token_calls_nothing()
    {
        var (token, target) = await DeployAsync();

        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);

        Assert.Equal(UInt256.Zero, await target.UInt256Async("calls"));
        Assert.Equal(UInt256.Zero, await token.UInt256Async("armedCallCount"));
        Assert.Equal("Transfer", Assert.Single(token.EventsIn(receipt)).Event.Name);
    }

    [Fact]
    public async Task An_armed_transfer_calls_the_target_once_records_the_result_then_transfers()
    {
        var (token, target) = await DeployAsync();
        await ArmAsync(token, target, "poke", 41);

        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);
        await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 5);

        Assert.Equal(UInt256.One, await target.UInt256Async("calls"));
        Assert.Equal(token.Address, (await target.CallAsync("lastCaller")).GetAddress(0));
        Assert.Equal(UInt256.One, await token.UInt256Async("armedCallCount"));
        Assert.True((await token.CallAsync("lastCallSucceeded")).GetBool(0));
        Assert.Equal(AbiCodec.Encode([AbiType.UInt256], [42]), (await token.CallAsync("lastCallReturnData")).GetBytes(0));
        Assert.False((await token.CallAsync("armed")).GetBool(0));
        var events = token.EventsIn(receipt);
        Assert.Equal(["ArmedCallMade", "Transfer"], events.Select(e => e.Event.Name));
        Assert.Equal(target.Address, events[0].Values.GetAddress("target"));
        Assert.True(events[0].Values.GetBool("success"));
        Assert.Equal((UInt256)15, await token.BalanceOfAsync(Dev.Bob));
    }

    [Fact]
    public async Task An_armed_transferFrom_calls_the_target_too()
    {
        var (token, target) = await DeployAsync();
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 100);
        await ArmAsync(token, target, "poke", 1);

        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 30);

        Assert.Equal(UInt256.One, await target.UInt256Async("calls"));
        Assert.Equal((UInt256)30, await token.BalanceOfAsync(Dev.Carol));
    }

    [Fact]
    public async Task A_failing_armed_call_is_recorded_with_its_revert_data_and_the_transfer_still_happens()
    {
        var (token, target) = await DeployAsync();
        await ArmAsync(token, target, "refuse", 7);

        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);

        var revertData = (await token.CallAsync("lastCallReturnData")).GetBytes(0);
        Assert.False((await token.CallAsync("lastCallSucceeded")).GetBool(0));
        Assert.Equal(target.Abi.GetError("Refused").Encode(7), revertData);
        var made = token.EventsIn(receipt)[0];
        Assert.Equal("ArmedCallMade", made.Event.Name);
        Assert.False(made.Values.GetBool("success"));
        Assert.Equal(revertData, made.Values.GetBytes("returnData"));
        Assert.Equal((UInt256)10, await token.BalanceOfAsync(Dev.Bob));
    }

    [Fact]
    public async Task An_armed_call_that_reenters_the_token_fires_only_once()
    {
        var (token, _) = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", token.Address, 100);
        // The armed call makes the token itself transfer, which must not fire the (now disarmed) call again.
        await token.SendAsync(Dev.Alice, "arm", token.Address, token.Abi.GetFunction("transfer").EncodeCall(Dev.Carol, 5));

        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);

        Assert.Equal(UInt256.One, await token.UInt256Async("armedCallCount"));
        Assert.True((await token.CallAsync("lastCallSucceeded")).GetBool(0));
        Assert.Equal(1, token.EventsIn(receipt).Count(e => e.Event.Name == "ArmedCallMade"));
        Assert.Equal((UInt256)5, await token.BalanceOfAsync(Dev.Carol));
        Assert.Equal((UInt256)10, await token.BalanceOfAsync(Dev.Bob));
    }

    private async Task<(DeployedContract Token, DeployedContract Target)> DeployAsync()
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.ReentrantToken);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        return (token, await TokenProbes.DeployCallTargetAsync(anvil.Eth));
    }

    private static async Task ArmAsync(DeployedContract token, DeployedContract target, string function, params object?[] arguments)
    {
        var callData = target.Abi.GetFunction(function).EncodeCall(arguments);
        var receipt = await token.SendAsync(Dev.Carol, "arm", target.Address, callData);
        var armed = Assert.Single(token.EventsIn(receipt));
        Assert.Equal(callData, armed.Values.GetBytes("callData"));
        Assert.True((await token.CallAsync("armed")).GetBool(0));
    }
}
