using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>
/// The chain calls the API starts itself (no state change asks for them): register a token, open a channel,
/// deposit. Each returns once its transaction is mined and throws <see cref="NodeApplicationException"/>
/// (<see cref="ApplicationErrorKind.ChainFailure"/>, or Conflict for a revert the state explains) otherwise.
/// The state change that follows comes from chain sync, as for anyone else's transaction.
/// </summary>
public interface IChainActions
{
    /// <summary>The newest block the Ethereum node reports.</summary>
    Task<ulong> GetHeadAsync(CancellationToken ct);

    Task RegisterTokenAsync(Address token, CancellationToken ct);

    /// <summary>Opens (and, above zero, deposits in the same transaction, after approving the token network).</summary>
    Task OpenChannelAsync(Address tokenNetwork, Address token, Address partner, ulong settleTimeout, UInt256 totalDeposit, CancellationToken ct);

    /// <summary>Raises our total deposit (approving the difference first).</summary>
    Task SetTotalDepositAsync(Address tokenNetwork, Address token, UInt256 channelId, Address partner, UInt256 totalDeposit, CancellationToken ct);
}
