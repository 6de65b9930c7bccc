using System.Diagnostics.CodeAnalysis;

namespace Photon.Protocol.Channels;

/// <summary>
/// The outcome of a proof-changing transition or of a balance proof check: the new state of the
/// sender's end, or a refusal. Refusals are values, not exceptions: a partner's bad proof is an
/// expected input of the protocol.
/// </summary>
public sealed class EndTransition
{
    private EndTransition(ChannelEnd? end, Refusal? refusal)
    {
        End = end;
        Refusal = refusal;
    }

    /// <summary>The new end state; set exactly when <see cref="IsAccepted"/>.</summary>
    public ChannelEnd? End { get; }

    /// <summary>Why it was refused; set exactly when not <see cref="IsAccepted"/>.</summary>
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(End))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => End is not null;

    public static EndTransition Accept(ChannelEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        return new EndTransition(end, null);
    }

    public static EndTransition Refuse(RefusalReason reason, string message) => new(null, new Refusal(reason, message));

    public static EndTransition Refuse(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new EndTransition(null, refusal);
    }

    public override string ToString() => IsAccepted ? $"accepted: {End}" : $"refused: {Refusal}";
}
