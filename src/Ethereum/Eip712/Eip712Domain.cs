using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Eip712;

/// <summary>
/// The domain shape every Photon proof uses (DESIGN.md §5):
/// <c>EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)</c>.
/// </summary>
public sealed record Eip712Domain(string Name, string Version, UInt256 ChainId, Address VerifyingContract)
{
    public static readonly Hash256 TypeHash =
        Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    private static readonly AbiType[] Layout = [AbiType.Bytes32, AbiType.Bytes32, AbiType.Bytes32, AbiType.UInt256, AbiType.Address];

    public Hash256 Separator() =>
        Keccak256.Hash(AbiCodec.Encode(Layout, [TypeHash, Keccak256.Hash(Name), Keccak256.Hash(Version), ChainId, VerifyingContract]));

    /// <summary>The digest to sign for a struct of this domain.</summary>
    public Hash256 Digest(Hash256 structHash) => Eip712Digest.Compute(Separator(), structHash);
}
