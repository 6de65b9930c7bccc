using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>closeChannel accepts only the partner's own signature over this channel, chain and network.</summary>
public sealed class CloseSignatureTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task A_proof_signed_by_a_stranger_is_refused_naming_the_stranger()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        using var stranger = PrivateKey.Generate();
        var proof = new BalanceProof(channel.Id, Keccak256.Hash("balance"u8), 4, Hash256.Zero);

        await AssertWrongSignerAsync(channel, proof, proof.Sign(stranger, Main.Domain), stranger.Address);
    }

    [Fact]
    public async Task A_proof_signed_by_the_closer_itself_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var ownProof = channel.Proof(channel.Participant1, 5, 4);

        await AssertWrongSignerAsync(channel, ownProof.Proof, ownProof.Signature, channel.Participant1.Address);
    }

    [Fact]
    public async Task A_proof_signed_for_another_chain_id_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var otherChain = PhotonDomain.Create(new UInt256(fixture.ChainId + 1), Main.Network);

        await AssertSignedInOtherDomainRefusedAsync(channel, otherChain);
    }

    [Fact]
    public async Task A_proof_signed_for_another_token_network_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var otherNetwork = PhotonDomain.Create(new UInt256(fixture.ChainId), fixture.Deployment.TokenNetworkRegistry);

        await AssertSignedInOtherDomainRefusedAsync(channel, otherNetwork);
    }

    [Fact]
    public async Task A_proof_signed_with_another_domain_name_or_version_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);

        await AssertSignedInOtherDomainRefusedAsync(channel, new Eip712Domain("Raiden", PhotonDomain.Version, new UInt256(fixture.ChainId), Main.Network));
        await AssertSignedInOtherDomainRefusedAsync(channel, new Eip712Domain(PhotonDomain.Name, "2", new UInt256(fixture.ChainId), Main.Network));
    }

    [Fact]
    public async Task A_proof_the_partner_signed_for_another_of_its_channels_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var otherPartner = await Main.NewPartyAsync();
        var otherChannelId = await Main.OpenAsync(otherPartner, channel.Participant2);
        var signedForOther = DisputeProof.Sign(channel.Participant2, otherChannelId, 5, 4);
        var replayed = signedForOther.Proof with { ChannelId = channel.Id };

        await AssertWrongSignerAsync(channel, replayed, signedForOther.Signature, replayed.RecoverSigner(Main.Domain, signedForOther.Signature));
    }

    [Fact]
    public async Task A_proof_whose_fields_were_altered_after_signing_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var signed = channel.Proof(channel.Participant2, 5, 4, Hash256.Zero, Keccak256.Hash("message"u8));

        foreach (var altered in new[]
        {
            signed.Proof with { Nonce = 5 },
            signed.Proof with { BalanceHash = BalanceHash.Compute(6, Hash256.Zero) },
            signed.Proof with { AdditionalHash = Hash256.Zero },
        })
        {
            await AssertWrongSignerAsync(channel, altered, signed.Signature, altered.RecoverSigner(Main.Domain, signed.Signature));
        }
    }

    [Fact]
    public async Task The_high_s_twin_of_the_partners_signature_is_refused_as_invalid()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var proof = channel.Proof(channel.Participant2, 5, 4);
        var twin = new Signature(proof.Signature.R, Signature.CurveOrder - proof.Signature.S, (byte)(55 - proof.Signature.V));
        var before = await channel.SnapshotAsync();

        await ContractAssert.RevertsWith(
            "InvalidSignature",
            () => channel.Participant1.Network.CloseChannelAsync(channel.Id, channel.Participant2.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, twin));

        await before.AssertUnchangedAsync(channel);
    }

    public static TheoryData<string, int> MalformedSignatures => new()
    {
        { "empty", 0 },
        { "64 bytes", 64 },
        { "66 bytes", 66 },
        { "v = 0", 65 },
        { "v = 1", 65 },
        { "v = 29", 65 },
        { "r = 0", 65 },
        { "s = 0", 65 },
    };

    [Theory]
    [MemberData(nameof(MalformedSignatures))]
    public async Task A_malformed_signature_is_refused_as_invalid(string malformation, int length)
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var proof = channel.Proof(channel.Participant2, 5, 4);
        var bytes = Malform(proof.Signature.ToBytes(), malformation, length);
        Assert.Equal(length, bytes.Length);
        var callData = TokenNetworkAbi.CloseChannelFunction.EncodeCall(
            channel.Id, channel.Participant2.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, bytes);
        var before = await channel.SnapshotAsync();

        await ContractAssert.RevertsWith("InvalidSignature", () => DisputeRawCall.SendAsync(channel.Participant1, callData));

        await before.AssertUnchangedAsync(channel);
        // The same call with the untouched signature goes through: only the malformation was refused.
        var intact = TokenNetworkAbi.CloseChannelFunction.EncodeCall(
            channel.Id, channel.Participant2.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, proof.Signature.ToBytes());
        await DisputeRawCall.SendAsync(channel.Participant1, intact);
        Assert.Equal(ChannelState.Closed, (await Main.Reader.GetChannelInfoAsync(channel.Id)).State);
    }

    private static byte[] Malform(byte[] signature, string malformation, int length)
    {
        switch (malformation)
        {
            case "v = 0":
                signature[64] = 0;
                return signature;
            case "v = 1":
                signature[64] = 1;
                return signature;
            case "v = 29":
                signature[64] = 29;
                return signature;
            case "r = 0":
                Array.Clear(signature, 0, 32);
                return signature;
            case "s = 0":
                Array.Clear(signature, 32, 32);
                return signature;
            default:
                var resized = new byte[length];
                Array.Copy(signature, resized, Math.Min(length, signature.Length));
                return resized;
        }
    }

    private async Task AssertSignedInOtherDomainRefusedAsync(DisputeChannel channel, Eip712Domain otherDomain)
    {
        var proof = new BalanceProof(channel.Id, BalanceHash.Compute(5, Hash256.Zero), 4, Hash256.Zero);
        var signature = proof.Sign(channel.Participant2.Key, otherDomain);
        // What the network recovers under its own domain: some unrelated address, never the partner.
        var recovered = proof.RecoverSigner(Main.Domain, signature);
        Assert.NotEqual(channel.Participant2.Address, recovered);

        await AssertWrongSignerAsync(channel, proof, signature, recovered);
    }

    private static async Task AssertWrongSignerAsync(DisputeChannel channel, BalanceProof proof, Signature signature, Address recovered)
    {
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith(
            "WrongSigner",
            () => channel.Participant1.Network.CloseChannelAsync(
                channel.Id, channel.Participant2.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature));

        Assert.Equal(channel.Participant2.Address, error.Arguments.GetAddress("expected"));
        Assert.Equal(recovered, error.Arguments.GetAddress("recovered"));
        await before.AssertUnchangedAsync(channel);
    }
}
