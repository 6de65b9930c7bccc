using Photon.Protocol.Channels;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Events;

/// <summary>A user action was refused and changed nothing; <see cref="Refusal"/> says why (the API maps it to an error).</summary>
public sealed record EventActionRefused(StateChange Action, Refusal Refusal) : Event;
