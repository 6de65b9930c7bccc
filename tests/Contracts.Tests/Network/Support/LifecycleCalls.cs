using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// Calls the lifecycle tests make outside the typed bindings: call data the bindings cannot express
/// (an empty signature), token calls that reach the network (ERC223 and ApproveAndCall deposits), and
/// calls simulated from an address nobody holds the key of (the token itself).
/// </summary>
public static class LifecycleCalls
{
    /// <summary>
    /// Sends <paramref name="data"/> to <paramref name="to"/>; a revert carrying one of the network's
    /// custom errors (also when it bubbled up through a token that called the network) becomes a
    /// <see cref="ContractErrorException"/> of <paramref name="network"/>, as the bindings do.
    /// </summary>
    public static async Task<TransactionReceipt> SendAsync(TransactionSender sender, Address to, byte[] data, Address network)
    {
        ArgumentNullException.ThrowIfNull(sender);
        try
        {
            return await sender.SendAsync(to, data);
        }
        catch (ExecutionRevertedException e) when (TokenNetworkContract.TryDecodeError(e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(TokenNetworkContract.ContractName, network, error.Error, error.Values, e);
        }
        catch (TransactionFailedException e) when (TokenNetworkContract.TryDecodeError(e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(TokenNetworkContract.ContractName, network, error.Error, error.Values, e);
        }
    }

    /// <summary>Sends raw call data to the party's network as the party.</summary>
    public static Task<TransactionReceipt> SendToNetworkAsync(Party party, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(party);
        return SendAsync(party.Sender, party.Setup.Network, data, party.Setup.Network);
    }

    /// <summary>Calls a function of the token's artifact (by name or full signature) as the party; the network's errors are typed.</summary>
    public static Task<TransactionReceipt> CallTokenAsync(Party party, string function, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(party);
        var data = party.Setup.TokenArtifact.Abi.GetFunction(function).EncodeCall(arguments);
        return SendAsync(party.Sender, party.Setup.Token, data, party.Setup.Network);
    }

    /// <summary>eth_call of the network as if <paramref name="from"/> sent it (no key needed); the network's errors are typed.</summary>
    public static async Task<byte[]> SimulateAsync(TokenNetworkSetup setup, Address from, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(setup);
        try
        {
            return await setup.Fixture.Eth.CallAsync(new CallRequest { From = from, To = setup.Network, Data = data });
        }
        catch (ExecutionRevertedException e) when (TokenNetworkContract.TryDecodeError(e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(TokenNetworkContract.ContractName, setup.Network, error.Error, error.Values, e);
        }
    }

    /// <summary>The network's events in the transaction, without their location, so they compare with records built by hand.</summary>
    public static IReadOnlyList<TokenNetworkEvent> EventsOf(TransactionReceipt receipt, TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return [.. TokenNetworkContract.EventsOf(receipt, setup.Network)
            .Select(e => e with { Contract = default, BlockNumber = 0, BlockHash = default, TransactionHash = default, LogIndex = 0 })];
    }

    /// <summary>
    /// The other encoding of the same signature (s → n − s, v flipped): it recovers the same signer
    /// in plain ecrecover, so the contract must refuse it for its high s rather than accept a second form.
    /// </summary>
    public static Signature Malleate(Signature signature) =>
        new(signature.R, Signature.CurveOrder - signature.S, (byte)(signature.V == 27 ? 28 : 27));
}
