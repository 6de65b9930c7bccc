namespace Photon.Relay.Client;

/// <summary>
/// The relay refused to log the node in, or asked it to sign a login text other than the one for
/// this relay, address and challenge (docs/relay.md): a configuration problem or a hostile relay.
/// </summary>
public sealed class RelayLoginException(string message, Exception? innerException = null) : Exception(message, innerException);
