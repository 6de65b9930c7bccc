namespace Photon.Ethereum.Keystore;

/// <summary>
/// A keystore file could not be used: malformed or unsupported (<see cref="KeystoreFormatException"/>),
/// or the password is wrong (<see cref="KeystorePasswordException"/>). Both are refusals of what the
/// user supplied, so the family derives from <see cref="FormatException"/> like every other bad-input error.
/// </summary>
public abstract class KeystoreException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>The file is not a v3 keystore we can read: bad JSON, missing fields, unsupported cipher or KDF, hostile parameters.</summary>
public sealed class KeystoreFormatException(string message, Exception? inner = null) : KeystoreException(message, inner);

/// <summary>The MAC does not match: the password is wrong, or the ciphertext was altered.</summary>
public sealed class KeystorePasswordException()
    : KeystoreException("wrong password, or the keystore was altered (MAC mismatch)");
