using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>Signing and verification follow Signatures.sol: only canonical signatures by the right key over the right domain count.</summary>
public sealed class SignatureRulesTests
{
    private readonly ProofSamples _samples = new(10);

    [Fact]
    public void A_signature_recovers_its_signer_for_every_proof_type()
    {
        for (var kind = 0; kind < ProofSamples.Kinds; kind++)
        {
            using var key = _samples.Key();
            var domain = _samples.Domain();
            var proof = _samples.Proof(kind);

            var signature = proof.Sign(key, domain);

            Assert.Equal(key.Address, proof.RecoverSigner(domain, signature));
            Assert.True(proof.IsSignedBy(domain, signature, key.Address));
            Assert.True(proof.IsSignedBy(domain, signature.ToBytes(), key.Address));
            Assert.True(proof.TryRecoverSigner(domain, signature.ToBytes(), out var recovered));
            Assert.Equal(key.Address, recovered);
            Assert.Equal(Secp256k1.Sign(proof.Digest(domain), key.ToBytes()), signature);
        }
    }

    [Fact]
    public void Another_signer_a_changed_field_or_another_domain_does_not_verify()
    {
        using var key = _samples.Key();
        using var other = _samples.Key();
        var domain = PhotonDomain.Create(31337, _samples.Address());
        var proof = new BalanceProof(7, _samples.Hash(), 3, _samples.Hash());
        var signature = proof.Sign(key, domain);

        Assert.True(proof.IsSignedBy(domain, signature, key.Address));
        Assert.False(proof.IsSignedBy(domain, signature, other.Address));
        Assert.False((proof with { Nonce = 4 }).IsSignedBy(domain, signature, key.Address));
        Assert.False((proof with { ChannelId = 8 }).IsSignedBy(domain, signature, key.Address));
        Assert.False(proof.IsSignedBy(PhotonDomain.Create(1, domain.VerifyingContract), signature, key.Address));
        Assert.False(proof.IsSignedBy(PhotonDomain.Create(31337, _samples.Address()), signature, key.Address));
        Assert.False(new MonitorDelegation(7, proof.BalanceHash, 3, proof.AdditionalHash, Address.Zero, 0)
            .IsSignedBy(domain, signature, key.Address));
    }

    [Fact]
    public void The_high_s_twin_of_a_valid_signature_is_refused()
    {
        using var key = _samples.Key();
        var domain = _samples.Domain();
        var proof = _samples.Proof(2);
        var signature = proof.Sign(key, domain);
        // (r, n - s) with the other parity is the same point equation: ecrecover alone would accept it.
        var twin = new Signature(signature.R, Signature.CurveOrder - signature.S, (byte)(55 - signature.V));

        Assert.False(twin.IsLowS);
        Assert.False(proof.IsSignedBy(domain, twin, key.Address));
        Assert.False(proof.IsSignedBy(domain, twin.ToBytes(), key.Address));
        Assert.False(proof.TryRecoverSigner(domain, twin.ToBytes(), out _));
        Assert.Throws<InvalidSignatureException>(() => proof.RecoverSigner(domain, twin));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(255)]
    public void A_v_other_than_27_or_28_is_refused(byte v)
    {
        using var key = _samples.Key();
        var domain = _samples.Domain();
        var proof = _samples.Proof(0);
        var bytes = proof.Sign(key, domain).ToBytes();
        bytes[64] = v;

        Assert.False(proof.IsSignedBy(domain, bytes, key.Address));
        Assert.False(proof.TryRecoverSigner(domain, bytes, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(130)]
    public void A_signature_of_the_wrong_length_is_refused(int length)
    {
        using var key = _samples.Key();
        var domain = _samples.Domain();
        var proof = _samples.Proof(1);
        var valid = proof.Sign(key, domain).ToBytes();
        var bytes = new byte[length];
        valid.AsSpan(0, Math.Min(length, valid.Length)).CopyTo(bytes);

        Assert.False(proof.IsSignedBy(domain, bytes, key.Address));
    }

    [Fact]
    public void Out_of_range_r_or_s_and_the_default_signature_are_refused()
    {
        using var key = _samples.Key();
        var domain = _samples.Domain();
        var proof = _samples.Proof(3);
        var valid = proof.Sign(key, domain);

        byte[] With(UInt256 r, UInt256 s)
        {
            var bytes = valid.ToBytes();
            r.WriteBigEndian(bytes);
            s.WriteBigEndian(bytes.AsSpan(32));
            return bytes;
        }

        Assert.False(proof.IsSignedBy(domain, With(UInt256.Zero, valid.S), key.Address));
        Assert.False(proof.IsSignedBy(domain, With(valid.R, UInt256.Zero), key.Address));
        Assert.False(proof.IsSignedBy(domain, With(Signature.CurveOrder, valid.S), key.Address));
        Assert.False(proof.IsSignedBy(domain, With(UInt256.MaxValue, valid.S), key.Address));
        Assert.False(proof.IsSignedBy(domain, With(valid.R, Signature.HalfCurveOrder + UInt256.One), key.Address));
        Assert.False(proof.IsSignedBy(domain, default(Signature), key.Address));
        Assert.False(proof.IsSignedBy(domain, default(Signature), Address.Zero));
        Assert.False(proof.IsSignedBy(domain, new byte[65], Address.Zero));
    }

    [Fact]
    public void Random_bytes_never_verify_and_never_throw()
    {
        using var key = _samples.Key();
        var domain = _samples.Domain();
        var proof = _samples.Proof(4);
        var recovered = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = _samples.RandomBytes(65);
            // Half the time a valid v and a low s, so that recovery itself is exercised, not only the form checks.
            if (i % 2 == 0)
            {
                bytes[64] = (byte)(27 + (i / 2 % 2));
                bytes[32] &= 0x7f;
            }

            Assert.False(proof.IsSignedBy(domain, bytes, key.Address));
            Assert.False(proof.IsSignedBy(domain, bytes, Address.Zero));
            if (proof.TryRecoverSigner(domain, bytes, out var signer))
            {
                recovered++;
                Assert.NotEqual(key.Address, signer);
                Assert.True(proof.IsSignedBy(domain, bytes, signer));
            }
        }

        // About half of random x coordinates are on the curve: both branches above ran.
        Assert.InRange(recovered, 30, 120);
    }
}
