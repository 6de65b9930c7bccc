using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Proofs;

/// <summary>
/// What the six signed proof types share: an EIP-712 struct hash (each type defines its own, with a
/// static <c>TypeString</c> and <c>TypeHash</c>), the digest under a <see cref="PhotonDomain"/>,
/// signing, and verification by exactly the rules of the contracts' <c>Signatures.recover</c>:
/// 65 bytes r ‖ s ‖ v, v ∈ {27, 28}, s ≤ n/2, and a key that actually recovers.
/// </summary>
/// <remarks>
/// The constructor is private to this assembly: the set of proof types is closed, because each one is
/// a layout the contracts check, not an extension point.
/// </remarks>
public abstract record SignedProof
{
    private protected SignedProof()
    {
    }

    /// <summary>hashStruct(this) = keccak256(typeHash ‖ encodeData(this)).</summary>
    public abstract Hash256 StructHash();

    /// <summary>keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ StructHash()): what is signed.</summary>
    public Hash256 Digest(Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return domain.Digest(StructHash());
    }

    /// <summary>Signs the digest (RFC 6979, low s, v 27/28).</summary>
    public Signature Sign(PrivateKey key, Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Digest(domain));
    }

    /// <summary>
    /// The address that signed this proof. Throws <see cref="InvalidSignatureException"/> where the
    /// contracts would recover address(0): high s, v not 27/28, or no recoverable key.
    /// </summary>
    public Address RecoverSigner(Eip712Domain domain, Signature signature) => Secp256k1.RecoverAddress(Digest(domain), signature);

    /// <summary>
    /// The signer of 65 bytes r ‖ s ‖ v, or false exactly where <c>Signatures.recover</c> returns
    /// address(0): wrong length, v not 27/28, s &gt; n/2, r or s out of [1, n-1], or no recoverable key.
    /// </summary>
    public bool TryRecoverSigner(Eip712Domain domain, ReadOnlySpan<byte> signature, out Address signer)
    {
        var digest = Digest(domain);
        signer = default;
        return TryReadCanonical(signature, out var parsed) && Secp256k1.TryRecoverAddress(digest, parsed, out signer);
    }

    /// <summary>
    /// True when <paramref name="signer"/> signed this proof. False, never an exception, for a forged,
    /// high-s, wrong-v or otherwise unusable signature, and for the zero address (which is what the
    /// contracts' recovery yields for every bad signature, so it can never count as a signer).
    /// </summary>
    public bool IsSignedBy(Eip712Domain domain, Signature signature, Address signer)
    {
        var digest = Digest(domain);
        // TryRecoverAddress refuses high s and a v outside {27, 28} (default(Signature) has v = 0).
        return !signer.IsZero && Secp256k1.TryRecoverAddress(digest, signature, out var recovered) && recovered == signer;
    }

    /// <summary>As <see cref="IsSignedBy(Eip712Domain, Signature, Address)"/> for the 65-byte form the contracts take.</summary>
    public bool IsSignedBy(Eip712Domain domain, ReadOnlySpan<byte> signature, Address signer) =>
        TryRecoverSigner(domain, signature, out var recovered) && !signer.IsZero && recovered == signer;

    /// <summary>
    /// Reads r ‖ s ‖ v under the contracts' rules without exceptions: hostile bytes arrive on every
    /// verification path (monitors, the node's message intake), so refusing them must be cheap.
    /// </summary>
    private static bool TryReadCanonical(ReadOnlySpan<byte> bytes, out Signature signature)
    {
        signature = default;
        if (bytes.Length != Signature.Length || bytes[64] is not (27 or 28))
            return false;
        var r = UInt256.FromBigEndian(bytes[..32]);
        var s = UInt256.FromBigEndian(bytes[32..64]);
        if (r.IsZero || r >= Signature.CurveOrder || s.IsZero || s > Signature.HalfCurveOrder)
            return false;
        signature = new Signature(r, s, bytes[64]);
        return true;
    }
}
