using Photon.Ethereum;

namespace Photon.Node.Application;

/// <param name="Token">The ERC20 token.</param>
/// <param name="TokenNetwork">Its TokenNetwork contract.</param>
/// <param name="Channels">How many of this node's channels in it are not settled.</param>
public sealed record TokenView(Address Token, Address TokenNetwork, int Channels);
