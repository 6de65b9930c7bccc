using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Transactions;

namespace Photon.Benchmarks.Gas;

/// <summary>A funded account of the gas run: it sends its own transactions and signs proofs in the network's domain.</summary>
internal sealed class GasAccount(GasChain chain, PrivateKey key, TransactionSender sender)
{
    public PrivateKey Key { get; } = key;

    public TransactionSender Sender { get; } = sender;

    public Address Address => Key.Address;

    public Signature Sign(SignedProof proof) => proof.Sign(Key, chain.Domain);
}
