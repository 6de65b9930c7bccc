using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>
/// A call the re-entrant token will attempt from inside a transfer: a valid operation on a channel of
/// two other parties (or, for claimPayout, one whose refusal without the lock is known), how to read
/// the state it would change, and how to perform it normally afterwards.
/// </summary>
internal sealed class ReentryVictim
{
    public required TokenNetworkSetup Setup { get; init; }

    public required ReentryTarget Target { get; init; }

    public required byte[] CallData { get; init; }

    /// <summary>The state the call would change; equal readings mean it did nothing.</summary>
    public required Func<Task<object>> ReadAsync { get; init; }

    /// <summary>Performs the operation the ordinary way and checks its exact effect.</summary>
    public required Func<Task> CompleteAsync { get; init; }

    /// <summary>How the call ends when the token makes it outside any transfer: null for success, or the error it gets anyway.</summary>
    public string? ErrorWithoutLock { get; init; }

    /// <summary>
    /// The same call from the token, outside any transfer, is not refused for re-entrancy: it works (or
    /// fails for its own reason), so a Reentrancy refusal inside a transfer is the lock's doing.
    /// </summary>
    public async Task AssertOutsideATransferItIsNotRefusedForReentrancyAsync()
    {
        var call = new CallRequest { From = Setup.Token, To = Setup.Network, Data = CallData };
        if (ErrorWithoutLock is null)
        {
            await Setup.Fixture.Eth.CallAsync(call);
            return;
        }
        var reverted = await Assert.ThrowsAsync<ExecutionRevertedException>(() => Setup.Fixture.Eth.CallAsync(call));
        Assert.Equal(ErrorWithoutLock, TokenNetworkContract.TryDecodeError(reverted.RevertData.Span)?.Error.Name);
    }

    public static async Task<ReentryVictim> PrepareAsync(HostileFixture fixture, ReentryTarget target)
    {
        var setup = fixture.Reentrant;
        var c = await fixture.NewPartyAsync(setup);
        var d = await fixture.NewPartyAsync(setup);
        var timeout = new UInt256(setup.SettleTimeout);
        switch (target)
        {
            case ReentryTarget.OpenChannel:
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeOpenChannel(c.Address, d.Address, timeout),
                    ReadAsync = async () => await setup.Reader.GetChannelIdentifierAsync(c.Address, d.Address),
                    CompleteAsync = async () =>
                    {
                        var receipt = await fixture.AsOutsider(setup).OpenChannelAsync(c.Address, d.Address, timeout);
                        var opened = Assert.Single(TokenNetworkContract.EventsOf(receipt, setup.Network).OfType<ChannelOpened>());
                        Assert.Equal((c.Address, d.Address), (opened.Participant1, opened.Participant2));
                        Assert.Equal(opened.ChannelId, await setup.Reader.GetChannelIdentifierAsync(c.Address, d.Address));
                    },
                };

            case ReentryTarget.SetTotalDeposit:
            {
                var id = await setup.OpenAsync(c, d);
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeSetTotalDeposit(id, c.Address, 50, d.Address),
                    ReadAsync = async () => await HostileChannelState.ReadAsync(setup, id, c.Address, d.Address),
                    CompleteAsync = async () =>
                    {
                        await c.Network.SetTotalDepositAsync(id, c.Address, 50, d.Address);
                        Assert.Equal(new UInt256(50), (await setup.Reader.GetParticipantInfoAsync(id, c.Address)).Deposit);
                        Assert.Equal(NetworkFixture.InitialTokens - 50, await c.TokenBalanceAsync());
                    },
                };
            }

            case ReentryTarget.SetTotalWithdraw:
            {
                var id = await setup.OpenWithDepositsAsync(c, d, 100, 100);
                var (proof, own, partner) = await HostileChannels.SignWithdrawAsync(c, d, id, 30);
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeSetTotalWithdraw(id, c.Address, proof.TotalWithdraw, proof.ExpirationBlock, own, partner),
                    ReadAsync = async () => await HostileChannelState.ReadAsync(setup, id, c.Address, d.Address),
                    CompleteAsync = async () =>
                    {
                        await fixture.AsOutsider(setup).SetTotalWithdrawAsync(id, c.Address, proof.TotalWithdraw, proof.ExpirationBlock, own, partner);
                        Assert.Equal(new UInt256(30), (await setup.Reader.GetParticipantInfoAsync(id, c.Address)).Withdrawn);
                        Assert.Equal(NetworkFixture.InitialTokens - 100 + 30, await c.TokenBalanceAsync());
                    },
                };
            }

            case ReentryTarget.CooperativeSettle:
            {
                var id = await setup.OpenWithDepositsAsync(c, d, 100, 50);
                var (_, signature1, signature2) = HostileChannels.SignCooperativeSettle(c, 70, d, 80, id);
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeCooperativeSettle(id, c.Address, 70, d.Address, 80, signature1, signature2),
                    ReadAsync = async () => await HostileChannelState.ReadAsync(setup, id, c.Address, d.Address),
                    CompleteAsync = async () =>
                    {
                        await fixture.AsOutsider(setup).CooperativeSettleAsync(id, c.Address, 70, d.Address, 80, signature1, signature2);
                        Assert.Equal(ChannelState.Settled, (await setup.Reader.GetChannelInfoAsync(id)).State);
                        Assert.Equal(NetworkFixture.InitialTokens - 100 + 70, await c.TokenBalanceAsync());
                        Assert.Equal(NetworkFixture.InitialTokens - 50 + 80, await d.TokenBalanceAsync());
                    },
                };
            }

            case ReentryTarget.SettleChannel:
            {
                var id = await setup.OpenWithDepositsAsync(c, d, 100, 50);
                await HostileChannels.CloseWithoutProofAndWaitAsync(setup, c, d.Address, id);
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeSettleChannel(id, c.Address, 0, Hash256.Zero, d.Address, 0, Hash256.Zero),
                    ReadAsync = async () => await HostileChannelState.ReadAsync(setup, id, c.Address, d.Address),
                    CompleteAsync = async () =>
                    {
                        var receipt = await fixture.AsOutsider(setup).SettleChannelAsync(id, c.Address, 0, Hash256.Zero, d.Address, 0, Hash256.Zero);
                        var settled = Assert.Single(TokenNetworkContract.EventsOf(receipt, setup.Network).OfType<ChannelSettled>());
                        Assert.Equal((new UInt256(100), new UInt256(50)), (settled.Participant1Amount, settled.Participant2Amount));
                        Assert.Equal(NetworkFixture.InitialTokens, await c.TokenBalanceAsync());
                        Assert.Equal(NetworkFixture.InitialTokens, await d.TokenBalanceAsync());
                    },
                };
            }

            case ReentryTarget.ClaimPayout:
                // This token never refuses a payout, so nobody has anything deferred: outside a
                // transfer the claim fails with NothingToClaim, inside one the lock must come first.
                return new ReentryVictim
                {
                    Setup = setup,
                    Target = target,
                    CallData = TokenNetworkContract.EncodeClaimPayout(c.Address),
                    ReadAsync = async () => (await setup.Reader.DeferredPayoutAsync(c.Address), await c.TokenBalanceAsync()),
                    CompleteAsync = async () =>
                    {
                        var error = await ContractAssert.RevertsWith("NothingToClaim", () => fixture.AsOutsider(setup).ClaimPayoutAsync(c.Address));
                        Assert.Equal(c.Address, error.Arguments.GetAddress("recipient"));
                    },
                    ErrorWithoutLock = "NothingToClaim",
                };

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }
    }
}
