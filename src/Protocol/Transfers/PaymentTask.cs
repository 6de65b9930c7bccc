using Photon.Ethereum;

namespace Photon.Protocol.Transfers;

/// <summary>This node's part in one mediated payment, keyed in the state by its secret hash.</summary>
public abstract record PaymentTask(Address TokenNetwork, UInt256 PaymentId, Hash256 SecretHash);
