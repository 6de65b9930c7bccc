namespace Photon.Relay.Server;

/// <summary>The relay's configuration is unusable; the message says which value and why.</summary>
public sealed class RelayConfigException(string message, Exception? inner = null) : Exception(message, inner);
