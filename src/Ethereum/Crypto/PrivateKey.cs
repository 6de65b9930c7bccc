using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// A secp256k1 private key (32 bytes, 1 ≤ k &lt; n) with its public key and address. The secret
/// lives in one pinned array (so the GC never leaves copies of it behind) that
/// <see cref="Dispose"/> wipes; no message or <see cref="ToString"/> ever shows it.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    public const int Length = 32;

    private readonly byte[] _secret;
    private readonly byte[] _publicKey;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private bool _disposed;

    /// <summary>Takes a copy of 32 big-endian bytes. Throws <see cref="InvalidPrivateKeyException"/>.</summary>
    public PrivateKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw Secp256k1Checks.WrongKeyLength(bytes.Length);
        if (!Secp256k1.IsValidPrivateKey(bytes))
            throw Secp256k1Checks.OutOfRangeKey();
        _secret = GC.AllocateArray<byte>(Length, pinned: true);
        bytes.CopyTo(_secret);
        _publicKey = Secp256k1.PublicKeyOf(_secret);
        Address = Address.FromPublicKey(_publicKey);
    }

    public static PrivateKey FromBytes(ReadOnlySpan<byte> bytes) => new(bytes);

    /// <summary>
    /// Parses 64 hex digits, <c>0x</c> optional. Throws <see cref="InvalidPrivateKeyException"/>,
    /// whose message does not repeat the text (it may be a real key with a typo).
    /// </summary>
    public static PrivateKey Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            digits = digits[2..];
        if (digits.Length != 2 * Length)
            throw new InvalidPrivateKeyException($"a private key is 64 hex digits (0x optional), got {digits.Length} characters");
        Span<byte> bytes = stackalloc byte[Length];
        try
        {
            if (Convert.FromHexString(digits, bytes, out _, out var written) != OperationStatus.Done || written != Length)
                throw new InvalidPrivateKeyException("a private key is 64 hex digits (0x optional); the text has a non-hex character");
            return new PrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>A new key from the operating system's cryptographic random number generator.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> bytes = stackalloc byte[Length];
        try
        {
            // Rejection sampling: a draw is out of range with probability about 2⁻¹²⁸.
            do
                RandomNumberGenerator.Fill(bytes);
            while (!Secp256k1.IsValidPrivateKey(bytes));
            return new PrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public Address Address { get; }

    /// <summary>The uncompressed public key without its 0x04 prefix: 64 bytes <c>x ‖ y</c>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Signs a 32-byte digest (RFC 6979, low s, v 27/28).</summary>
    public Signature Sign(Hash256 digest) => UseSecret(digest, static (secret, d) => Secp256k1.Sign(d, secret));

    /// <summary>EIP-191 <c>personal_sign</c>: signs keccak256("\x19Ethereum Signed Message:\n" + len + message).</summary>
    public Signature SignMessage(ReadOnlySpan<byte> message) => Sign(Eip191.HashMessage(message));

    /// <summary>EIP-191 <c>personal_sign</c> of the UTF-8 bytes of <paramref name="message"/>.</summary>
    public Signature SignMessage(string message) => SignMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>ECDH with another party's 64-byte public key; see <see cref="Secp256k1.SharedSecretPoint"/>.</summary>
    public byte[] SharedSecretPoint(ReadOnlySpan<byte> publicKey) =>
        UseSecret(publicKey.ToArray(), static (secret, other) => Secp256k1.SharedSecretPoint(secret, other));

    /// <summary>A copy of the 32 secret bytes, e.g. for a keystore. The caller owns (and should wipe) it.</summary>
    public byte[] ToBytes() => UseSecret(0, static (secret, _) => secret.ToArray());

    /// <summary>The secret as <c>0x</c> + 64 lowercase hex digits.</summary>
    public string ToHex() => UseSecret(0, static (secret, _) => Hex.Encode(secret));

    /// <summary>Names the address only, so a key that reaches a log or a debugger display stays secret.</summary>
    public override string ToString() => $"PrivateKey({Address})";

    /// <summary>
    /// Wipes the secret; later use throws <see cref="ObjectDisposedException"/>. Waits for uses in
    /// progress on other threads, so none of them can sign with a half-wiped key.
    /// </summary>
    public void Dispose()
    {
        _lock.EnterWriteLock();
        try
        {
            _disposed = true;
            CryptographicOperations.ZeroMemory(_secret);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    internal delegate TResult SecretFunc<in TState, out TResult>(ReadOnlySpan<byte> secret, TState state);

    // Uses of the secret share a read lock (signing from many threads stays parallel); Dispose takes the write lock.
    internal TResult UseSecret<TState, TResult>(TState state, SecretFunc<TState, TResult> use)
    {
        _lock.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return use(_secret, state);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
