using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.Protocol.Channels;

namespace Photon.Protocol.Tests.Channels;

/// <summary>A channel between two real keys, and balance proofs signed with them.</summary>
internal static class ChannelFixtures
{
    public const ulong ChainId = 31337;
    public const ulong SettleTimeout = 500;
    public const ulong RevealTimeout = 50;

    public static readonly Address TokenNetwork = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    public static readonly UInt256 ChannelId = new(7);

    // Anvil's first two development keys: well known, never holding value.
    public static readonly PrivateKey OurKey = PrivateKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static readonly PrivateKey PartnerKey = PrivateKey.Parse("0x59c6995e998f97a5a0044966f0b4d1eaf18c5dc2a6eeb6b0ba4a5826eb8b12a3");
    public static readonly PrivateKey StrangerKey = PrivateKey.Parse("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

    public static Address Us => OurKey.Address;

    public static Address Partner => PartnerKey.Address;

    public static Channel Opened(ulong ourDeposit = 1_000, ulong partnerDeposit = 1_000) =>
        new(ChainId, TokenNetwork, ChannelId, SettleTimeout, RevealTimeout, new ChannelEnd(Us, ourDeposit), new ChannelEnd(Partner, partnerDeposit));

    public static Hash256 Secret(int n) => new(Enumerable.Repeat((byte)n, 32).ToArray());

    public static HashTimeLock Lock(int secret, ulong amount, ulong expiration = 300) => new(expiration, amount, SecretHash.Of(Secret(secret)));

    public static Hash256 AdditionalHash(int n) => Keccak256.Hash(new[] { (byte)n });

    /// <summary>The proof that describes <paramref name="end"/>, signed by <paramref name="key"/> under <paramref name="domain"/>.</summary>
    public static ReceivedBalanceProof SignedProof(ChannelEnd end, Hash256 additionalHash, PrivateKey? key = null, Eip712Domain? domain = null) =>
        SignedProof(end.Nonce, end.TransferredAmount, end.LockedAmount, end.Locksroot, additionalHash, key, domain);

    public static ReceivedBalanceProof SignedProof(
        ulong nonce,
        UInt256 transferred,
        UInt256 locked,
        Hash256 locksroot,
        Hash256 additionalHash,
        PrivateKey? key = null,
        Eip712Domain? domain = null)
    {
        var proof = new BalanceProof(ChannelId, BalanceHash.Compute(transferred, locksroot), nonce, additionalHash);
        var signature = proof.Sign(key ?? PartnerKey, domain ?? PhotonDomain.Create(ChainId, TokenNetwork));
        return new ReceivedBalanceProof(ChainId, TokenNetwork, ChannelId, nonce, transferred, locked, locksroot, signature);
    }

    /// <summary>The partner's end after <paramref name="transition"/>, which must be accepted.</summary>
    public static ChannelEnd Expect(EndTransition transition)
    {
        Assert.True(transition.IsAccepted, transition.ToString());
        return transition.End;
    }

    public static void AssertRefused(EndTransition result, RefusalReason reason)
    {
        Assert.False(result.IsAccepted, $"expected {reason}, got {result}");
        Assert.Null(result.End);
        Assert.Equal(reason, result.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
    }
}
