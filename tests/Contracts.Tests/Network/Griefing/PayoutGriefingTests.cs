using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Network.Griefing;

/// <summary>
/// A participant that is a contract receiving the token through a callback (ERC223's
/// tokenFallback) must not be able to make settlement run out of gas — by burning its gas or
/// by reverting with a huge payload — and so lock its partner's funds. Its own share is
/// deferred; the partner is paid in the same transaction.
/// </summary>
public sealed class PayoutGriefingTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private const string ReceiverSource = """
        // SPDX-License-Identifier: MIT
        pragma solidity 0.8.37;

        interface IClaim { function claimPayoutTo(address to) external; }

        /// A channel participant that misbehaves when paid: mode 0 burns all the gas it gets,
        /// mode 1 spends a third of it on memory and reverts with all that memory, so every
        /// frame that copies the revert data pays as much again.
        contract HostileReceiver {
            uint256 public immutable mode;
            constructor(uint256 mode_) { mode = mode_; }

            function tokenFallback(address, uint256, bytes calldata) external view returns (bool) {
                if (mode == 0) {
                    uint256 x;
                    while (gasleft() > 0) { x = x + 1; }
                }
                assembly {
                    // Largest w with 3w + w²/512 (memory cost of w words) below a third of our gas.
                    let budget := div(gas(), 3)
                    let lo := 1
                    let hi := 10000000
                    for {} lt(lo, hi) {} {
                        let mid := div(add(add(lo, hi), 1), 2)
                        switch gt(add(mul(3, mid), div(mul(mid, mid), 512)), budget)
                        case 1 { hi := sub(mid, 1) }
                        default { lo := mid }
                    }
                    revert(0, mul(lo, 32))
                }
            }

            function claimTo(address network, address to) external { IClaim(network).claimPayoutTo(to); }
        }
        """;

    /// <summary>Far below the 2^24 per-transaction cap of EIP-7825 and what a block holds.</summary>
    private const ulong SettleGasLimit = 1_500_000;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_receiver_that_burns_its_gas_or_reverts_with_a_huge_payload_cannot_block_its_partners_payout(int mode)
    {
        var erc223 = await fixture.CreateNetworkAsync(ContractArtifacts.Erc223Token);
        var victim = await erc223.NewPartyAsync();
        var hostile = await DeployReceiverAsync(mode);
        var channelId = await erc223.OpenAsync(victim, hostile);
        await victim.Network.SetTotalDepositAsync(channelId, victim.Address, new UInt256(1000), hostile);
        await victim.Network.SetTotalDepositAsync(channelId, hostile, new UInt256(10), victim.Address);
        await victim.Network.CloseChannelAsync(channelId, hostile, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        await MineUntilSettleableAsync(erc223, channelId);
        var victimBefore = await victim.TokenBalanceAsync();

        var receipt = await fixture.Deployer.SendAsync(
            erc223.Network,
            TokenNetworkContract.EncodeSettleChannel(channelId, victim.Address, UInt256.Zero, Hash256.Zero, hostile, UInt256.Zero, Hash256.Zero),
            gasLimit: SettleGasLimit);

        Assert.True(receipt.Succeeded);
        Assert.Equal(victimBefore + new UInt256(1000), await victim.TokenBalanceAsync());
        Assert.Equal(new UInt256(10), await erc223.Reader.DeferredPayoutAsync(hostile));
        var deferred = Assert.Single(TokenNetworkContract.EventsOf(receipt, erc223.Network).OfType<PayoutDeferred>());
        Assert.Equal(hostile, deferred.Recipient);
        Assert.Equal(new UInt256(10), await erc223.TokenBalanceAsync(erc223.Network));
    }

    [Fact]
    public async Task A_recipient_that_cannot_receive_the_token_sends_its_deferred_payout_elsewhere()
    {
        var erc223 = await fixture.CreateNetworkAsync(ContractArtifacts.Erc223Token);
        var victim = await erc223.NewPartyAsync();
        var hostile = await DeployReceiverAsync(1);
        var channelId = await erc223.OpenAsync(victim, hostile);
        await victim.Network.SetTotalDepositAsync(channelId, hostile, new UInt256(10), victim.Address);
        await victim.Network.CloseChannelAsync(channelId, hostile, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        await MineUntilSettleableAsync(erc223, channelId);
        await victim.Network.SettleChannelAsync(channelId, victim.Address, UInt256.Zero, Hash256.Zero, hostile, UInt256.Zero, Hash256.Zero);
        var beneficiary = (await fixture.NewFundedKeyAsync()).Address;

        // Anyone can push the payout to the recipient itself, which still refuses it…
        await ContractAssert.RevertsWith("TokenTransferFailed", () => victim.Network.ClaimPayoutAsync(hostile));
        // …but the recipient can send it to an address that accepts it.
        await fixture.Deployer.SendAsync(hostile, ReceiverAbi().GetFunction("claimTo").EncodeCall(erc223.Network, beneficiary));

        Assert.Equal(new UInt256(10), await erc223.TokenBalanceAsync(beneficiary));
        Assert.Equal(UInt256.Zero, await erc223.Reader.DeferredPayoutAsync(hostile));
        Assert.Equal(UInt256.Zero, await erc223.TokenBalanceAsync(erc223.Network));
        await ContractAssert.RevertsWith("NothingToClaim", () => victim.Network.ClaimPayoutAsync(hostile));
    }

    [Fact]
    public async Task A_settler_that_leaves_too_little_gas_for_a_payout_is_refused_rather_than_deferring_it()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenWithDepositsAsync(a, b, 100, 100);
        await a.Network.CloseChannelAsync(channelId, b.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        await MineUntilSettleableAsync(fixture.Main, channelId);
        var settle = TokenNetworkContract.EncodeSettleChannel(channelId, a.Address, UInt256.Zero, Hash256.Zero, b.Address, UInt256.Zero, Hash256.Zero);

        var failure = await Assert.ThrowsAsync<TransactionFailedException>(
            () => fixture.Deployer.SendAsync(fixture.Main.Network, settle, gasLimit: 200_000));

        Assert.Equal("InsufficientGas", TokenNetworkContract.TryDecodeError(failure.RevertData.Span)?.Error.Name);
        Assert.Equal(UInt256.Zero, await fixture.Main.Reader.DeferredPayoutAsync(a.Address));
        Assert.Equal(ChannelState.Closed, (await fixture.Main.Reader.GetChannelInfoAsync(channelId)).State);
    }

    private async Task<Address> DeployReceiverAsync(int mode)
    {
        var compiled = (await SolidityCompiler.CompileAsync(ReceiverSource, new SolidityCompilerOptions(), "HostileReceiver.sol"))["HostileReceiver"];
        var receipt = await fixture.Deployer.SendAsync(null, compiled.DeploymentData(new UInt256((ulong)mode)));
        return receipt.ContractAddress!.Value;
    }

    private static ContractAbi ReceiverAbi() =>
        ContractAbi.Parse("""[{"type":"function","name":"claimTo","stateMutability":"nonpayable","inputs":[{"name":"network","type":"address"},{"name":"to","type":"address"}],"outputs":[]}]""");

    private async Task MineUntilSettleableAsync(TokenNetworkSetup setup, UInt256 channelId)
    {
        var info = await setup.Reader.GetChannelInfoAsync(channelId);
        await fixture.MineToAsync((ulong)info.SettleBlockNumber + fixture.Parameters.PunishWindow);
    }
}
