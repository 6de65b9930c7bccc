namespace Photon.Relay.Crypto;

/// <summary>A relay message body that must be dropped: bad input from a peer or the relay, never a bug of ours.</summary>
public sealed class EnvelopeRefusedException(EnvelopeRefusal reason, string message) : FormatException(message)
{
    public EnvelopeRefusal Reason { get; } = reason;
}
