using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Photon.Ethereum;

namespace Photon.Relay.Crypto;

/// <summary>
/// The public key of the address a message is sealed for, checked against that address:
/// keccak256(x ‖ y) must end in the address, so a relay that lies in its key directory can only
/// make encryption fail, never read (docs/relay.md). Also checked to be a point on secp256k1, so
/// the ECDH of sealing cannot fail later.
/// </summary>
public sealed class RecipientKey
{
    public const int PublicKeyLength = 64;

    // The field prime of secp256k1: 2²⁵⁶ − 2³² − 977.
    private static readonly BigInteger FieldPrime = (BigInteger.One << 256) - (BigInteger.One << 32) - 977;

    private readonly byte[] _publicKey;

    private RecipientKey(Address address, byte[] publicKey)
    {
        Address = address;
        _publicKey = publicKey;
    }

    public Address Address { get; }

    /// <summary>The 64 bytes <c>x ‖ y</c>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Checks <paramref name="publicKey"/> against <paramref name="address"/>. Throws <see cref="InvalidRecipientKeyException"/>.</summary>
    public static RecipientKey Create(Address address, ReadOnlySpan<byte> publicKey) =>
        TryCreate(address, publicKey, out var key, out var problem) ? key : throw new InvalidRecipientKeyException(problem);

    public static bool TryCreate(Address address, ReadOnlySpan<byte> publicKey, [NotNullWhen(true)] out RecipientKey? key, out string problem)
    {
        key = null;
        if (publicKey.Length != PublicKeyLength)
        {
            problem = $"a public key is 64 bytes x ‖ y, got {publicKey.Length}";
            return false;
        }
        var owner = Address.FromPublicKey(publicKey);
        if (owner != address)
        {
            problem = $"the public key given for {address} is the key of {owner}";
            return false;
        }
        if (!IsOnCurve(publicKey))
        {
            problem = $"the public key given for {address} is not a point on secp256k1";
            return false;
        }
        key = new RecipientKey(address, publicKey.ToArray());
        problem = "";
        return true;
    }

    // y² = x³ + 7 (mod p) with both coordinates below p.
    private static bool IsOnCurve(ReadOnlySpan<byte> publicKey)
    {
        var x = new BigInteger(publicKey[..32], isUnsigned: true, isBigEndian: true);
        var y = new BigInteger(publicKey[32..], isUnsigned: true, isBigEndian: true);
        if (x >= FieldPrime || y >= FieldPrime)
            return false;
        var left = BigInteger.ModPow(y, 2, FieldPrime);
        var right = (BigInteger.ModPow(x, 3, FieldPrime) + 7) % FieldPrime;
        return left == right;
    }

    public override string ToString() => $"RecipientKey({Address})";
}
