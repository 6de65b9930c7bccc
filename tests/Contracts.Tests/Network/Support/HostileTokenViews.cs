using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>Reads a hostile token's own views (armedCallCount, lastCallReturnData, failTransfer, …) through its artifact's ABI.</summary>
public static class HostileTokenViews
{
    public static async Task<AbiValues> CallAsync(TokenNetworkSetup setup, string function, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var abiFunction = setup.TokenArtifact.Abi.GetFunction(function);
        var output = await setup.Fixture.Eth.CallAsync(new CallRequest { To = setup.Token, Data = abiFunction.EncodeCall(arguments) });
        return abiFunction.DecodeOutput(output);
    }

    /// <summary>The token's own events in a receipt, decoded, in log order.</summary>
    public static IReadOnlyList<AbiDecodedEvent> EventsIn(TokenNetworkSetup setup, TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(receipt);
        return [.. receipt.Logs
            .Where(l => l.Address == setup.Token)
            .Select(l => setup.TokenArtifact.Abi.DecodeLog(l.Topics, l.Data.Span) ?? throw new InvalidOperationException($"the token emitted an unknown log {l}"))];
    }
}
