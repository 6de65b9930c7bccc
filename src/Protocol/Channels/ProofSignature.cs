using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// What makes an end's latest balance proof usable on chain besides its amounts: the additional hash
/// of the message that carried it and the sender's EIP-712 signature.
/// </summary>
public sealed record ProofSignature(Hash256 AdditionalHash, Signature Signature);
