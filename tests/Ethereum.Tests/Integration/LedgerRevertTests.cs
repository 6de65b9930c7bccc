using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Integration;

/// <summary>
/// Every way a Solidity function fails, seen through eth_call and eth_estimateGas as a typed
/// <see cref="ExecutionRevertedException"/> whose reason we decode (built-in Error and Panic, and
/// the contract's custom error through its ABI), and a reverting signed transaction mined with status 0.
/// </summary>
public sealed class LedgerRevertTests(LedgerChain chain) : IClassFixture<LedgerChain>
{
    private EthClient Eth => chain.Eth;

    private AbiFunction TransferFunction => chain.Abi.GetFunction("transfer");

    [Fact]
    public async Task Require_with_a_reason_reverts_calls_and_estimates_with_that_reason()
    {
        var call = new CallRequest { From = chain.Owner, To = chain.Contract, Data = TransferFunction.EncodeCall(Address.Zero, UInt256.One, "t", "m") };

        var revert = await RevertsAsync(call);

        Assert.Equal(RevertReasonKind.Error, revert.Kind);
        Assert.Equal("Ledger: transfer to the zero address", revert.Message);
        var decoded = chain.Abi.DecodeError(revert.Data.Span);
        Assert.NotNull(decoded);
        Assert.Same(AbiError.ErrorString, decoded.Error);
        Assert.Equal("Ledger: transfer to the zero address", decoded.Values.Get<string>("message"));
    }

    [Fact]
    public async Task Custom_error_reverts_with_its_arguments_decoded_through_the_contract_ABI()
    {
        var available = await chain.BalanceOfAsync(chain.Owner);
        var required = available + UInt256.Parse("1000000000000000000");
        var call = new CallRequest
        {
            From = chain.Owner,
            To = chain.Contract,
            Data = TransferFunction.EncodeCall(AnvilDevAccounts.Addresses[1], required, "t", "m"),
        };

        var revert = await RevertsAsync(call);

        Assert.Equal(RevertReasonKind.CustomError, revert.Kind);
        var error = chain.Abi.FindError(revert.Data.Span);
        Assert.NotNull(error);
        Assert.Equal("Insufficient(address,uint256,uint256)", error.Signature);
        var decoded = chain.Abi.DecodeError(revert.Data.Span)!;
        Assert.Same(error, decoded.Error);
        Assert.Equal(chain.Owner, decoded.Values.Get<Address>("account"));
        Assert.Equal(available, decoded.Values.Get<UInt256>("available"));
        Assert.Equal(required, decoded.Values.Get<UInt256>("required"));
        // The revert data is exactly our own encoding of that error.
        Assert.Equal(error.Encode(chain.Owner, available, required), revert.Data.ToArray());
    }

    [Fact]
    public async Task Division_by_zero_reverts_with_panic_0x12()
    {
        var call = new CallRequest { To = chain.Contract, Data = chain.Abi.GetFunction("share").EncodeCall(UInt256.One, UInt256.Zero) };

        var revert = await RevertsAsync(call);

        Assert.Equal(RevertReasonKind.Panic, revert.Kind);
        Assert.Equal((UInt256)0x12, revert.PanicCode);
        Assert.Contains("division or modulo by zero", revert.Description, StringComparison.Ordinal);
        var decoded = chain.Abi.DecodeError(revert.Data.Span)!;
        Assert.Same(AbiError.Panic, decoded.Error);
        Assert.Equal((UInt256)0x12, decoded.Values.Get<UInt256>("code"));
    }

    [Fact]
    public async Task Array_index_out_of_bounds_reverts_with_panic_0x32()
    {
        var call = new CallRequest { To = chain.Contract, Data = chain.Abi.GetFunction("transferAmount").EncodeCall(UInt256.MaxValue) };

        var revert = await RevertsAsync(call);

        Assert.Equal(RevertReasonKind.Panic, revert.Kind);
        Assert.Equal((UInt256)0x32, revert.PanicCode);
    }

    [Fact]
    public async Task Working_call_of_the_same_functions_does_not_revert()
    {
        var share = chain.Abi.GetFunction("share");

        var output = await Eth.CallAsync(new CallRequest { To = chain.Contract, Data = share.EncodeCall((UInt256)100, (UInt256)7) });

        Assert.Equal((UInt256)14, share.DecodeOutput(output).Get<UInt256>(0));
    }

    [Fact]
    public async Task Reverting_signed_transaction_with_an_explicit_gas_limit_is_mined_with_status_0()
    {
        using var sender = ChainAccount.Dev(Eth, 2);
        var data = TransferFunction.EncodeCall(Address.Zero, UInt256.One, "t", "m");
        // An explicit limit skips estimation, which would refuse to build this transaction.
        var transaction = await sender.DynamicFeeAsync(chain.Contract, data, gasLimit: 200_000);

        var (signed, receipt) = await sender.SendAsync(transaction);

        Assert.False(receipt.Succeeded);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(signed.Hash, receipt.TransactionHash);
        Assert.Empty(receipt.Logs);
        Assert.True(receipt.GasUsed is > 21_000 and < 200_000);
        // The nonce is spent all the same.
        Assert.Equal(transaction.Nonce + 1, await Eth.GetTransactionCountAsync(sender.Address, receipt.BlockNumber));
        // Replayed as a call on the state it ran on, it gives the reason the receipt cannot carry.
        var replay = await Assert.ThrowsAsync<ExecutionRevertedException>(() => Eth.CallAsync(
            new CallRequest { From = sender.Address, To = chain.Contract, Data = data }, receipt.BlockNumber - 1));
        Assert.Equal("Ledger: transfer to the zero address", replay.Reason.Message);
    }

    /// <summary>Asserts eth_call and eth_estimateGas both revert, with the same revert data.</summary>
    private async Task<RevertReason> RevertsAsync(CallRequest call)
    {
        var byCall = await Assert.ThrowsAsync<ExecutionRevertedException>(() => Eth.CallAsync(call));
        var byEstimate = await Assert.ThrowsAsync<ExecutionRevertedException>(() => Eth.EstimateGasAsync(call));
        Assert.NotEmpty(byCall.RevertData.ToArray());
        Assert.Equal(byCall.RevertData.ToArray(), byEstimate.RevertData.ToArray());
        return byCall.Reason;
    }
}
