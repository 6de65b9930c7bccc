using Photon.Ethereum;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// The EIP-712 domain of every Photon proof (DESIGN.md §5): <c>{name: "Photon", version: "1",
/// chainId, verifyingContract: the TokenNetwork}</c>. Binding the TokenNetwork and the chain means a
/// proof signed for one token (or one chain) is worthless on any other.
/// </summary>
public static class PhotonDomain
{
    public const string Name = "Photon";

    public const string Version = "1";

    public static Eip712Domain Create(UInt256 chainId, Address tokenNetwork) => new(Name, Version, chainId, tokenNetwork);
}
