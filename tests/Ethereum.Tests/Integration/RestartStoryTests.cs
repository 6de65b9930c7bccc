using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;
using Xunit.Abstractions;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// The whole story survives the node going away: a contract and a few transactions, a graceful stop
/// (state kept) and a crash (SIGKILL: the last second may be lost), each followed by a restart on the
/// same port. The same <see cref="EthClient"/> carries on, the nonce is read again from the chain,
/// and new signed transactions are mined. (Transport-level outage behaviour is in JsonRpc/AnvilOutageTests.)
/// </summary>
public sealed class RestartStoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Story_continues_on_the_same_client_after_a_stop_and_after_a_crash()
    {
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions
        {
            PersistState = true,
            // Few quick retries, so a call made while the node is down fails fast.
            RpcOptions = new JsonRpcClientOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(50), RequestTimeout = TimeSpan.FromSeconds(10) },
        });
        var eth = anvil.Eth;
        var compiled = await LedgerContract.CompileAsync();
        var transfer = compiled.Abi.GetFunction("transfer");
        var balanceOf = compiled.Abi.GetFunction("balanceOf");
        var recipient = AnvilDevAccounts.Addresses[2];
        using var owner = ChainAccount.Dev(eth, 1);

        // Act 1: deploy and transact.
        var (_, deployment) = await owner.SendAsync(await owner.DynamicFeeAsync(to: null, compiled.DeploymentData("story", (UInt256)1_000)));
        var ledger = deployment.ContractAddress!.Value;
        var firstTransfer = await owner.TransactAsync(ledger, transfer.EncodeCall(recipient, (UInt256)10, "act 1", "first"));
        var (second, _) = await owner.SendAsync(await owner.DynamicFeeAsync(ledger, transfer.EncodeCall(recipient, (UInt256)20, "act 1", "second")));
        Assert.Equal(3UL, await eth.GetTransactionCountAsync(owner.Address, BlockParameter.Pending));

        // Act 2: a graceful stop. A transaction signed meanwhile cannot be sent; after the restart it can.
        await anvil.StopAsync();
        // Offline: the next nonce and the fees are what we last knew.
        var duringOutage = TransactionSigner.Sign(
            (Eip1559Transaction)second.Transaction with
            {
                Nonce = second.Transaction.Nonce + 1,
                GasLimit = 200_000,
                Data = transfer.EncodeCall(recipient, (UInt256)30, "act 2", "signed while down"),
            },
            owner.Key);
        await Assert.ThrowsAnyAsync<RpcTransportException>(() => eth.SendRawTransactionAsync(duringOutage.Encode()));
        await anvil.RestartAsync();

        Assert.Equal(3UL, await eth.GetTransactionCountAsync(owner.Address, BlockParameter.Pending));
        Assert.Equal((UInt256)30, await BalanceAsync(recipient));
        Assert.Equal(compiled.DeployedBytecode, await eth.GetCodeAsync(ledger));
        Assert.True((await eth.GetTransactionReceiptAsync(firstTransfer.TransactionHash))?.Succeeded);
        var hash = await eth.SendRawTransactionAsync(duringOutage.Encode());
        Assert.Equal(duringOutage.Hash, hash);
        Assert.True((await eth.WaitForReceiptAsync(hash, ChainAccount.PollInterval, ChainAccount.ReceiptTimeout)).Succeeded);
        Assert.Equal((UInt256)60, await BalanceAsync(recipient));

        // Act 3: a crash. What survived is whatever Anvil had saved; the client trusts only the chain.
        await anvil.KillAsync();
        await Assert.ThrowsAnyAsync<RpcTransportException>(() => eth.BlockNumberAsync());
        await anvil.RestartAsync();

        var nonce = await eth.GetTransactionCountAsync(owner.Address, BlockParameter.Pending);
        Assert.InRange(nonce, 3UL, 4UL);
        output.WriteLine($"after the crash the chain resumed at nonce {nonce} ({(nonce == 4 ? "the last transaction was saved" : "the last transaction was lost")})");
        // The state is consistent with the nonce: the fourth transaction's effect is there exactly when its nonce is spent.
        var expected = nonce == 4 ? (UInt256)60 : (UInt256)30;
        Assert.Equal(expected, await BalanceAsync(recipient));
        var receipt = await owner.TransactAsync(ledger, transfer.EncodeCall(recipient, (UInt256)40, "act 3", "after the crash"));
        Assert.True(receipt.Succeeded);
        Assert.Equal(nonce + 1, await eth.GetTransactionCountAsync(owner.Address, BlockParameter.Pending));
        Assert.Equal(expected + (UInt256)40, await BalanceAsync(recipient));

        async Task<UInt256> BalanceAsync(Address account) =>
            balanceOf.DecodeOutput(await eth.CallAsync(new CallRequest { To = ledger, Data = balanceOf.EncodeCall(account) })).Get<UInt256>(0);
    }
}
