using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>The EVM, running the real ProofHashes and Signatures libraries, agrees with our digests and our signature rules.</summary>
[Collection(ProofsHarnessCollection.Name)]
public sealed class ProofHashesEvmTests(ProofsHarnessChain chain)
{
    [Fact]
    public async Task The_evm_computes_our_domain_separators()
    {
        var samples = new ProofSamples(50);
        var domains = Enumerable.Range(0, 20).Select(_ => samples.Domain())
            .Append(PhotonDomain.Create(chain.Anvil.ChainId, chain.Contract)).ToArray();

        var results = await chain.CallManyAsync([.. domains.Select(d => ("domainSeparator", new object?[] { d.ChainId, d.VerifyingContract }))]);

        for (var i = 0; i < domains.Length; i++)
            Assert.Equal(domains[i].Separator, results[i].GetHash256(0));
    }

    [Fact]
    public async Task The_evm_computes_our_digest_of_every_proof_type()
    {
        var samples = new ProofSamples(51);
        var cases = new List<(SignedProof Proof, Eip712Domain Domain)>();
        for (var i = 0; i < 30 * ProofSamples.Kinds; i++)
        {
            // Some under the harness's own chain and address, as a TokenNetwork would hash them.
            var domain = i % 5 == 0 ? PhotonDomain.Create(chain.Anvil.ChainId, chain.Contract) : samples.Domain();
            cases.Add((samples.Proof(i % ProofSamples.Kinds), domain));
        }

        var results = await chain.CallManyAsync([.. cases.Select(c => DigestCall(c.Proof, c.Domain))]);

        for (var i = 0; i < cases.Count; i++)
            Assert.Equal(cases[i].Proof.Digest(cases[i].Domain), results[i].GetHash256(0));
        Assert.Equal(ProofSamples.Kinds, cases.Select(c => c.Proof.GetType()).Distinct().Count());
    }

    [Fact]
    public async Task The_evm_recovers_our_signers()
    {
        var samples = new ProofSamples(52);
        var cases = new List<(Hash256 Digest, Signature Signature, Address Signer)>();
        for (var i = 0; i < 24; i++)
        {
            using var key = samples.Key();
            var proof = samples.Proof(i % ProofSamples.Kinds);
            var domain = samples.Domain();
            cases.Add((proof.Digest(domain), proof.Sign(key, domain), key.Address));
        }

        var results = await chain.CallManyAsync([.. cases.Select(c => ("recover", new object?[] { c.Digest, c.Signature.ToBytes() }))]);

        for (var i = 0; i < cases.Count; i++)
            Assert.Equal(cases[i].Signer, results[i].GetAddress(0));
    }

    [Fact]
    public async Task The_evm_refuses_exactly_the_signatures_we_refuse()
    {
        var samples = new ProofSamples(53);
        using var key = samples.Key();
        var domain = PhotonDomain.Create(chain.Anvil.ChainId, chain.Contract);
        var proof = new BalanceProof(1, samples.Hash(), 1, samples.Hash());
        var digest = proof.Digest(domain);
        var valid = proof.Sign(key, domain);
        var twin = new Signature(valid.R, Signature.CurveOrder - valid.S, (byte)(55 - valid.V));
        List<byte[]> candidates =
        [
            valid.ToBytes(),
            twin.ToBytes(),
            WithV(valid, 0), WithV(valid, 1), WithV(valid, 26), WithV(valid, 29), WithV(valid, 255),
            valid.ToBytes()[..64], [.. valid.ToBytes(), 0], [],
            With(valid, UInt256.Zero, valid.S), With(valid, valid.R, UInt256.Zero),
            With(valid, Signature.CurveOrder, valid.S), With(valid, valid.R, Signature.HalfCurveOrder + UInt256.One),
            With(valid, valid.R, Signature.HalfCurveOrder),
            new byte[65],
        ];
        for (var i = 0; i < 40; i++)
        {
            var bytes = samples.RandomBytes(65);
            bytes[64] = (byte)(27 + (i % 2));
            bytes[32] &= 0x7f;
            candidates.Add(bytes);
        }

        var results = await chain.CallManyAsync([.. candidates.Select(c => ("recover", new object?[] { digest, c }))]);

        var accepted = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var evm = results[i].GetAddress(0);
            var ours = proof.TryRecoverSigner(domain, candidates[i], out var signer) ? signer : Address.Zero;

            Assert.Equal(evm, ours);
            Assert.Equal(!evm.IsZero && evm == key.Address, proof.IsSignedBy(domain, candidates[i], key.Address));
            if (!evm.IsZero)
                accepted++;
        }

        Assert.Equal(key.Address, results[0].GetAddress(0));
        Assert.All(results.Skip(1).Take(13), r => Assert.Equal(Address.Zero, r.GetAddress(0)));
        // s = n/2 exactly is still canonical: it recovers, to some other key.
        Assert.NotEqual(Address.Zero, results[14].GetAddress(0));
        Assert.NotEqual(key.Address, results[14].GetAddress(0));
        Assert.Equal(Address.Zero, results[15].GetAddress(0));
        // Random x coordinates recover about half the time: the comparison covered both outcomes.
        Assert.InRange(accepted, 10, 40);
    }

    private static (string Function, object?[] Arguments) DigestCall(SignedProof proof, Eip712Domain domain)
    {
        var (primary, members) = ProofMembers.Of(proof);
        var function = char.ToLowerInvariant(primary[0]) + primary[1..] + "Digest";
        return (function, [domain.ChainId, domain.VerifyingContract, .. members.Select(m => m.Value)]);
    }

    private static byte[] WithV(Signature signature, byte v)
    {
        var bytes = signature.ToBytes();
        bytes[64] = v;
        return bytes;
    }

    private static byte[] With(Signature signature, UInt256 r, UInt256 s)
    {
        var bytes = signature.ToBytes();
        r.WriteBigEndian(bytes);
        s.WriteBigEndian(bytes.AsSpan(32));
        return bytes;
    }
}
