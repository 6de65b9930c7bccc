using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Protocol.Wire;

/// <summary>A message whose envelope signature verified: <see cref="Sender"/> signed <see cref="BodyHash"/> = keccak256(body).</summary>
public sealed record VerifiedMessage(Address Sender, Message Message, Hash256 BodyHash);
