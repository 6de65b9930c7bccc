using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// Sends call data the typed binding cannot express (signatures of the wrong length or with a v
/// other than 27/28, which <see cref="Signature"/> refuses to hold), translating the network's
/// custom errors into <see cref="ContractErrorException"/> exactly as the binding does.
/// </summary>
public static class DisputeRawCall
{
    public static async Task<TransactionReceipt> SendAsync(Party sender, byte[] callData)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var network = sender.Setup.Network;
        try
        {
            return await sender.Sender.SendAsync(network, callData);
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
}
