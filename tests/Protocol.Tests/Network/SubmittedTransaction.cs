using Photon.Ethereum;
using Photon.Protocol.Events;

namespace Photon.Protocol.Tests.Network;

/// <summary>A <c>ContractSend*</c> event a node emitted, as the chain received it at <see cref="Block"/>.</summary>
internal sealed record SubmittedTransaction(Address Sender, Event Transaction, ulong Block);
