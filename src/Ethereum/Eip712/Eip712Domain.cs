using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Eip712;

/// <summary>
/// The domain shape every Photon proof uses (DESIGN.md §5):
/// <c>EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)</c>.
/// Immutable, with its separator computed once: every proof check needs it.
/// </summary>
public sealed class Eip712Domain : IEquatable<Eip712Domain>
{
    public static readonly Hash256 TypeHash =
        Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    public Eip712Domain(string name, string version, UInt256 chainId, Address verifyingContract)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        Name = name;
        Version = version;
        ChainId = chainId;
        VerifyingContract = verifyingContract;
        Separator = new Eip712StructHash(TypeHash).AddString(name).AddString(version).Add(chainId).Add(verifyingContract).Finish();
    }

    public string Name { get; }

    public string Version { get; }

    public UInt256 ChainId { get; }

    public Address VerifyingContract { get; }

    /// <summary>hashStruct(EIP712Domain, this).</summary>
    public Hash256 Separator { get; }

    /// <summary>The digest to sign for a struct of this domain.</summary>
    public Hash256 Digest(Hash256 structHash) => Eip712Digest.Compute(Separator, structHash);

    public bool Equals(Eip712Domain? other) => other is not null && Separator == other.Separator
        && Name == other.Name && Version == other.Version && ChainId == other.ChainId && VerifyingContract == other.VerifyingContract;

    public override bool Equals(object? obj) => Equals(obj as Eip712Domain);

    public override int GetHashCode() => Separator.GetHashCode();

    public override string ToString() => $"EIP712Domain({Name}, {Version}, chain {ChainId}, {VerifyingContract})";
}
