using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>registerSecret: a lock this node holds is in its danger zone and its payer has not unlocked it off-chain.</summary>
public sealed record ContractSendSecretRegister(Hash256 Secret, Hash256 SecretHash) : Event;
