using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>The plain ERC20 behaves as the standard says, against a real EVM.</summary>
public sealed class TestTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly UInt256 Unlimited = UInt256.MaxValue;

    [Fact]
    public async Task Deploys_with_its_name_symbol_and_18_decimals()
    {
        var token = await DeployAsync();

        Assert.Equal("Photon Dollar", (await token.CallAsync("name")).GetString(0));
        Assert.Equal("PUSD", (await token.CallAsync("symbol")).GetString(0));
        Assert.Equal(18UL, (await token.CallAsync("decimals")).GetUInt64(0));
        Assert.Equal(UInt256.Zero, await token.UInt256Async("totalSupply"));
    }

    [Fact]
    public async Task Anyone_can_mint()
    {
        var token = await DeployAsync();

        var receipt = await token.SendAsync(Dev.Carol, "mint", Dev.Alice, 1000);

        Assert.Equal((UInt256)1000, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)1000, await token.UInt256Async("totalSupply"));
        var transfer = Assert.Single(token.EventsIn(receipt));
        Assert.Equal("Transfer", transfer.Event.Name);
        Assert.Equal(Address.Zero, transfer.Values.GetAddress("from"));
        Assert.Equal(Dev.Alice, transfer.Values.GetAddress("to"));
        Assert.Equal((UInt256)1000, transfer.Values.GetUInt256("value"));
    }

    [Fact]
    public async Task Transfer_moves_tokens_returns_true_and_emits_Transfer()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);

        var result = await token.CallFromAsync(Dev.Alice, "transfer", Dev.Bob, 300);
        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 300);

        Assert.True(result.GetBool(0));
        Assert.Equal((UInt256)700, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)300, await token.BalanceOfAsync(Dev.Bob));
        var transfer = Assert.Single(token.EventsIn(receipt));
        Assert.Equal(Dev.Alice, transfer.Values.GetAddress("from"));
        Assert.Equal(Dev.Bob, transfer.Values.GetAddress("to"));
        Assert.Equal((UInt256)300, transfer.Values.GetUInt256("value"));
    }

    [Fact]
    public async Task Transfer_beyond_the_balance_reverts_with_InsufficientBalance()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 10);

        var error = await token.CallRevertsWithAsync("InsufficientBalance", Dev.Alice, "transfer", Dev.Bob, 11);
        await token.SendRevertingAsync(Dev.Alice, "transfer", Dev.Bob, 11);

        Assert.Equal(Dev.Alice, error.GetAddress("sender"));
        Assert.Equal((UInt256)10, error.GetUInt256("balance"));
        Assert.Equal((UInt256)11, error.GetUInt256("needed"));
        Assert.Equal((UInt256)10, await token.BalanceOfAsync(Dev.Alice));
    }

    [Fact]
    public async Task Transfer_to_the_zero_address_reverts()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 10);

        var error = await token.CallRevertsWithAsync("InvalidReceiver", Dev.Alice, "transfer", Address.Zero, 1);

        Assert.Equal(Address.Zero, error.GetAddress("receiver"));
    }

    [Fact]
    public async Task TransferFrom_spends_the_allowance()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        var approval = await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 500);

        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 200);

        var approved = Assert.Single(token.EventsIn(approval));
        Assert.Equal("Approval", approved.Event.Name);
        Assert.Equal(Dev.Alice, approved.Values.GetAddress("owner"));
        Assert.Equal(Dev.Bob, approved.Values.GetAddress("spender"));
        Assert.Equal((UInt256)300, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
        Assert.Equal((UInt256)800, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)200, await token.BalanceOfAsync(Dev.Carol));
    }

    [Fact]
    public async Task TransferFrom_beyond_the_allowance_reverts_with_InsufficientAllowance()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 100);

        var error = await token.CallRevertsWithAsync("InsufficientAllowance", Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 101);

        Assert.Equal(Dev.Bob, error.GetAddress("spender"));
        Assert.Equal((UInt256)100, error.GetUInt256("allowance"));
        Assert.Equal((UInt256)101, error.GetUInt256("needed"));
    }

    [Fact]
    public async Task An_unlimited_allowance_is_not_decremented()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, Unlimited);

        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 400);

        Assert.Equal(Unlimited, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
        Assert.Equal((UInt256)400, await token.BalanceOfAsync(Dev.Carol));
    }

    [Fact]
    public async Task Minting_past_the_uint256_range_reverts()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, Unlimited);

        var error = await token.CallRevertsWithAsync("Panic", Dev.Alice, "mint", Dev.Bob, 1);

        Assert.Equal((UInt256)0x11, error.GetUInt256(0));
    }

    private Task<DeployedContract> DeployAsync() =>
        DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.TestToken, "Photon Dollar", "PUSD");
}
