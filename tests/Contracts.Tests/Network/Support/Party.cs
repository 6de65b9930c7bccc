using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>A channel participant in tests: its own key, sender, and bindings that send as it.</summary>
public sealed class Party(TokenNetworkSetup setup, PrivateKey key, TransactionSender sender)
{
    public TokenNetworkSetup Setup { get; } = setup;

    public PrivateKey Key { get; } = key;

    public Address Address => Key.Address;

    public TransactionSender Sender { get; } = sender;

    public TokenNetworkContract Network => new(Setup.Fixture.Eth, Setup.Network, Sender);

    public Erc20Contract Token => new(Setup.Fixture.Eth, Setup.Token, Sender);

    /// <summary>Signs a proof in the network's EIP-712 domain.</summary>
    public Signature Sign(SignedProof proof) => proof.Sign(Key, Setup.Domain);

    /// <summary>The balance proof this party would send its partner (and the signature).</summary>
    public (BalanceProof Proof, Signature Signature) SignBalanceProof(
        UInt256 channelId,
        UInt256 transferredAmount,
        Hash256 locksroot,
        ulong nonce,
        Hash256 additionalHash = default)
    {
        var proof = new BalanceProof(channelId, BalanceHash.Compute(transferredAmount, locksroot), new UInt256(nonce), additionalHash);
        return (proof, Sign(proof));
    }

    /// <summary>Calls any function of the token's artifact ABI (mint, arm, setFailTransfer, …) as this party.</summary>
    public Task<TransactionReceipt> CallTokenAsync(string function, params object?[] arguments) =>
        Sender.SendAsync(Setup.Token, Setup.TokenArtifact.Abi.GetFunction(function).EncodeCall(arguments));

    public Task<UInt256> TokenBalanceAsync() => Setup.TokenBalanceAsync(Address);

    public override string ToString() => Address.ToString();
}
