using Photon.Ethereum;
using Photon.Protocol.Channels;

namespace Photon.Protocol.Events;

/// <summary>A peer's message was refused and changed nothing (not acknowledged, so an honest sender will see it again).</summary>
public sealed record EventMessageRefused(Address Sender, ulong MessageId, string MessageType, Refusal Refusal) : Event;
