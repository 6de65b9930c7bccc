namespace Photon.Protocol.Channels;

/// <summary>A refused balance proof or transition: a typed reason for the state machine and a message for logs.</summary>
public sealed record Refusal(RefusalReason Reason, string Message)
{
    public override string ToString() => $"{Reason}: {Message}";
}
