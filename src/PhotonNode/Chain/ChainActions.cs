using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Application;

namespace Photon.Node.Chain;

/// <summary>
/// The chain calls the API makes itself (register, open, deposit), through the typed bindings. A refusal by
/// a contract becomes <see cref="ApplicationErrorKind.Conflict"/> with the contract's error name; a failing
/// Ethereum node becomes <see cref="ApplicationErrorKind.ChainFailure"/>.
/// </summary>
/// <remarks>
/// These calls are not journaled: the API caller waits for them and sees their outcome. After a crash in the
/// middle the caller sees an error, and chain sync shows whether the transaction was mined.
/// </remarks>
public sealed class ChainActions(TransactionSender sender, Address registry) : IChainActions
{
    public Task<ulong> GetHeadAsync(CancellationToken ct) => sender.Eth.BlockNumberAsync(ct);

    public Task RegisterTokenAsync(Address token, CancellationToken ct) =>
        GuardAsync(() => new TokenNetworkRegistryContract(sender.Eth, registry, sender).CreateTokenNetworkAsync(token, ct));

    public Task OpenChannelAsync(Address tokenNetwork, Address token, Address partner, ulong settleTimeout, UInt256 totalDeposit, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            var network = new TokenNetworkContract(sender.Eth, tokenNetwork, sender);
            if (totalDeposit.IsZero)
                return await network.OpenChannelAsync(sender.Address, partner, settleTimeout, ct).ConfigureAwait(false);
            await ApproveAsync(token, tokenNetwork, totalDeposit, ct).ConfigureAwait(false);
            return await network.OpenChannelWithDepositAsync(sender.Address, partner, settleTimeout, totalDeposit, ct).ConfigureAwait(false);
        });

    public Task SetTotalDepositAsync(Address tokenNetwork, Address token, UInt256 channelId, Address partner, UInt256 totalDeposit, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            var network = new TokenNetworkContract(sender.Eth, tokenNetwork, sender);
            var deposit = (await network.GetParticipantInfoAsync(channelId, sender.Address, ct: ct).ConfigureAwait(false)).Deposit;
            if (totalDeposit <= deposit)
                throw new NodeApplicationException(ApplicationErrorKind.Conflict, "deposit_not_increasing", $"the chain already holds a total deposit of {deposit}");
            await ApproveAsync(token, tokenNetwork, totalDeposit - deposit, ct).ConfigureAwait(false);
            return await network.SetTotalDepositAsync(channelId, sender.Address, totalDeposit, partner, ct).ConfigureAwait(false);
        });

    private async Task ApproveAsync(Address token, Address spender, UInt256 amount, CancellationToken ct)
    {
        var erc20 = new Erc20Contract(sender.Eth, token, sender);
        var balance = await erc20.BalanceOfAsync(sender.Address, ct: ct).ConfigureAwait(false);
        if (balance < amount)
            throw new NodeApplicationException(ApplicationErrorKind.InsufficientBalance, "insufficient_funds", $"the account holds {balance} of token {token}; {amount} are needed");
        await erc20.ApproveAsync(spender, amount, ct).ConfigureAwait(false);
    }

    private static async Task GuardAsync(Func<Task<TransactionReceipt>> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (ContractErrorException e)
        {
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "contract_refused", $"{e.ContractName} refused: {e.ErrorName}");
        }
        catch (Exception e) when (e is ExecutionRevertedException or TransactionFailedException)
        {
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "contract_refused", $"the transaction was refused: {e.Message}");
        }
        catch (Exception e) when (e is RpcException or HttpRequestException or TimeoutException or TransactionOutcomeUnknownException)
        {
            throw new NodeApplicationException(ApplicationErrorKind.ChainFailure, "chain_unavailable", $"the Ethereum node failed: {e.Message}");
        }
    }
}
