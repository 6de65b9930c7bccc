using System.Text.Json.Nodes;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>ethers v6 (tools/crosscheck/photon-proofs.cjs, whose types are written from DESIGN.md) agrees on every proof type.</summary>
public sealed class ProofsEthersCrossCheckTests
{
    private const int PerKind = 25;

    [Fact]
    public async Task Ethers_encodes_the_six_types_exactly_as_our_type_strings()
    {
        var output = await RunAsync(new JsonObject());
        var encodeTypes = output["encodeTypes"]!.AsObject();

        Assert.Equal(BalanceProof.TypeString, (string?)encodeTypes["BalanceProof"]);
        Assert.Equal(MonitorDelegation.TypeString, (string?)encodeTypes["MonitorDelegation"]);
        Assert.Equal(WithdrawProof.TypeString, (string?)encodeTypes["Withdraw"]);
        Assert.Equal(CooperativeSettleProof.TypeString, (string?)encodeTypes["CooperativeSettle"]);
        Assert.Equal(DisposedProof.TypeString, (string?)encodeTypes["Disposed"]);
        Assert.Equal(UnlockDelegation.TypeString, (string?)encodeTypes["UnlockDelegation"]);
    }

    [Fact]
    public async Task Ethers_hashes_random_proofs_to_our_digests_and_signatures_verify_both_ways()
    {
        var samples = new ProofSamples(20);
        var cases = new List<(SignedProof Proof, Ethereum.Eip712.Eip712Domain Domain, PrivateKey Key, Signature Signature)>();
        var input = new JsonArray();
        try
        {
            for (var i = 0; i < PerKind * ProofSamples.Kinds; i++)
            {
                var proof = samples.Proof(i % ProofSamples.Kinds);
                var domain = samples.Domain();
                var key = samples.Key();
                var signature = proof.Sign(key, domain);
                cases.Add((proof, domain, key, signature));
                input.Add(Case(proof, domain, key, signature));
            }

            var output = (await RunAsync(new JsonObject { ["proofs"] = input }))["proofs"]!.AsArray();

            Assert.Equal(cases.Count, output.Count);
            for (var i = 0; i < cases.Count; i++)
            {
                var (proof, domain, key, signature) = cases[i];
                var answer = output[i]!;
                var ethersSignature = Hex.Decode((string)answer["ethersSignature"]!);

                Assert.Equal(proof.Digest(domain), Hash256.Parse((string)answer["hash"]!));
                Assert.Equal(key.Address, Address.Parse((string)answer["recovered"]!));
                Assert.Equal(key.Address, Address.Parse((string)answer["ethersSigner"]!));
                Assert.True(proof.IsSignedBy(domain, ethersSignature, key.Address));
                // Both sides sign with RFC 6979, so the very bytes agree.
                Assert.Equal(signature.ToBytes(), ethersSignature);
            }
        }
        finally
        {
            foreach (var c in cases)
                c.Key.Dispose();
        }
    }

    private static JsonObject Case(SignedProof proof, Ethereum.Eip712.Eip712Domain domain, PrivateKey key, Signature signature)
    {
        var (primary, members) = ProofMembers.Of(proof);
        var message = new JsonObject();
        foreach (var (name, _, value) in members)
        {
            message[name] = value switch
            {
                UInt256 number => number.ToString(),
                Hash256 hash => hash.ToString(),
                Address address => address.ToLowerHex(),
                _ => throw new InvalidOperationException($"no JSON form for {value.GetType().Name}"),
            };
        }
        return new JsonObject
        {
            ["type"] = primary,
            ["chainId"] = domain.ChainId.ToString(),
            ["verifyingContract"] = domain.VerifyingContract.ToLowerHex(),
            ["message"] = message,
            ["signature"] = signature.ToString(),
            ["privateKey"] = key.ToHex(),
        };
    }

    private static async Task<JsonNode> RunAsync(JsonObject input) =>
        JsonNode.Parse(await NodeScript.RunAsync("photon-proofs.cjs", input.ToJsonString()))
        ?? throw new InvalidOperationException("photon-proofs.cjs printed no JSON");
}
