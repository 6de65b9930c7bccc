using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// Reverts produced by a real EVM: eth_call and eth_estimateGas without <c>to</c> execute the data
/// as creation code, and the hand-assembled init code reverts with the payload under test.
/// </summary>
public sealed class RevertAnvilTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Call_reverting_with_an_error_string_reports_the_message()
    {
        var error = await CallRevertingWithAsync(EvmCode.ErrorPayload("some reason"));

        Assert.Equal(RevertReasonKind.Error, error.Reason.Kind);
        Assert.Equal("some reason", error.Reason.Message);
        Assert.Equal(EvmCode.ErrorPayload("some reason"), error.RevertData.ToArray());
        Assert.Contains("some reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_reverting_with_a_long_unicode_error_string_reports_it_whole()
    {
        var message = string.Concat(Enumerable.Repeat("Zahlungskanal geschlossen ✓ ", 6));

        var error = await CallRevertingWithAsync(EvmCode.ErrorPayload(message));

        Assert.Equal(message, error.Reason.Message);
    }

    [Fact]
    public async Task Call_reverting_with_an_overflow_panic_reports_code_and_meaning()
    {
        var error = await CallRevertingWithAsync(EvmCode.PanicPayload(0x11));

        Assert.Equal(RevertReasonKind.Panic, error.Reason.Kind);
        Assert.Equal((UInt256)0x11, error.Reason.PanicCode);
        Assert.Contains("overflow", error.Reason.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_reverting_with_a_custom_error_reports_selector_and_arguments()
    {
        var payload = EvmCode.CustomErrorPayload("InsufficientBalance(uint256,uint256)", 5, 7);

        var error = await CallRevertingWithAsync(payload);

        Assert.Equal(RevertReasonKind.CustomError, error.Reason.Kind);
        Assert.Equal(Convert.ToHexStringLower(EvmCode.Selector("InsufficientBalance(uint256,uint256)")), error.Reason.Selector!.Value.ToString("x8"));
        Assert.Equal([.. EvmCode.Word(5), .. EvmCode.Word(7)], error.Reason.Arguments.ToArray());
    }

    [Fact]
    public async Task Call_reverting_without_data_reports_an_empty_reason()
    {
        var error = await CallRevertingWithAsync([]);

        Assert.Equal(RevertReasonKind.Empty, error.Reason.Kind);
        Assert.True(error.RevertData.IsEmpty);
    }

    [Fact]
    public async Task Gas_estimation_of_reverting_code_gives_the_same_typed_revert()
    {
        var call = new CallRequest { From = AnvilDevAccounts.Addresses[0], Data = EvmCode.RevertingInitCode(EvmCode.ErrorPayload("no gas for you")) };

        var error = await Assert.ThrowsAsync<ExecutionRevertedException>(() => anvil.Eth.EstimateGasAsync(call));

        Assert.Equal("no gas for you", error.Reason.Message);
    }

    [Fact]
    public async Task Invalid_opcode_is_an_error_but_not_a_revert()
    {
        var error = await Assert.ThrowsAnyAsync<JsonRpcException>(() => anvil.Eth.CallAsync(new CallRequest { Data = new byte[] { 0xfe } }));

        Assert.IsNotType<ExecutionRevertedException>(error);
    }

    private async Task<ExecutionRevertedException> CallRevertingWithAsync(byte[] payload)
    {
        var call = new CallRequest { Data = EvmCode.RevertingInitCode(payload) };
        return await Assert.ThrowsAsync<ExecutionRevertedException>(() => anvil.Eth.CallAsync(call));
    }
}
