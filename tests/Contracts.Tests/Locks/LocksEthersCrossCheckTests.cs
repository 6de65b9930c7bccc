using System.Text.Json.Nodes;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Locks;

/// <summary>
/// ethers v6 and an independent JavaScript locks tree (tools/crosscheck/photon-proofs.cjs, written
/// from the rule in DESIGN.md §5) agree with ours.
/// </summary>
public sealed class LocksEthersCrossCheckTests
{
    [Fact]
    public async Task Lock_encodings_and_hashes_agree_with_the_ethers_abi_coder_and_keccak()
    {
        var samples = new LockSamples(40);
        var locks = Enumerable.Range(0, 60).Select(_ => samples.HashTimeLock()).ToArray();
        var input = new JsonArray([.. locks.Select(l => (JsonNode)new JsonObject
        {
            ["expiration"] = l.Expiration.ToString(),
            ["amount"] = l.Amount.ToString(),
            ["secretHash"] = l.SecretHash.ToString(),
        })]);

        var output = (await RunAsync(new JsonObject { ["locks"] = input }))["locks"]!.AsArray();

        Assert.Equal(locks.Length, output.Count);
        for (var i = 0; i < locks.Length; i++)
        {
            Assert.Equal(Hex.Decode((string)output[i]!["encoded"]!), locks[i].Encode());
            Assert.Equal(Hash256.Parse((string)output[i]!["lockHash"]!), locks[i].LockHash);
        }
    }

    [Fact]
    public async Task Secret_hashes_agree_with_ethers_sha256()
    {
        var samples = new LockSamples(41);
        var secrets = Enumerable.Range(0, 40).Select(i => i == 0 ? new byte[32] : samples.Bytes(32)).ToArray();

        var output = (await RunAsync(new JsonObject { ["secrets"] = new JsonArray([.. secrets.Select(s => (JsonNode)Hex.Encode(s))]) }))["secrets"]!.AsArray();

        Assert.Equal(secrets.Length, output.Count);
        for (var i = 0; i < secrets.Length; i++)
            Assert.Equal(Hash256.Parse((string)output[i]!), SecretHash.Of(secrets[i]));
    }

    [Fact]
    public async Task Balance_hashes_agree_with_ethers_including_the_all_zero_case()
    {
        var samples = new LockSamples(42);
        var cases = new List<(UInt256 Amount, Hash256 Locksroot)>
        {
            (UInt256.Zero, Hash256.Zero), (UInt256.One, Hash256.Zero), (UInt256.Zero, samples.Hash()), (UInt256.MaxValue, samples.Hash()),
        };
        for (var i = 0; i < 30; i++)
            cases.Add((samples.Number(), samples.Hash()));
        var input = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["transferredAmount"] = c.Amount.ToString(),
            ["locksroot"] = c.Locksroot.ToString(),
        })]);

        var output = (await RunAsync(new JsonObject { ["balanceHashes"] = input }))["balanceHashes"]!.AsArray();

        Assert.Equal(cases.Count, output.Count);
        for (var i = 0; i < cases.Count; i++)
            Assert.Equal(Hash256.Parse((string)output[i]!), BalanceHash.Compute(cases[i].Amount, cases[i].Locksroot));
        Assert.Equal(Hash256.Zero, Hash256.Parse((string)output[0]!));
    }

    [Fact]
    public async Task Roots_of_trees_of_0_to_40_locks_agree_with_an_independent_implementation_which_accepts_every_proof()
    {
        var samples = new LockSamples(43);
        var trees = Enumerable.Range(0, 41).Select(n => new LocksMerkleTree(samples.LockHashes(n))).ToArray();
        var input = new JsonArray([.. trees.Select(t => (JsonNode)new JsonObject
        {
            ["leaves"] = new JsonArray([.. t.Leaves.Select(l => (JsonNode)l.ToString())]),
            ["proofs"] = new JsonArray([.. Enumerable.Range(0, t.Count).Select(i => (JsonNode)Hex.Encode(t.ProofFor(i)))]),
        })]);

        var output = (await RunAsync(new JsonObject { ["trees"] = input }))["trees"]!.AsArray();

        Assert.Equal(trees.Length, output.Count);
        for (var n = 0; n < trees.Length; n++)
        {
            var answer = output[n]!;
            var proofRoots = answer["proofRoots"]!.AsArray();

            Assert.Equal(Hash256.Parse((string)answer["root"]!), trees[n].Root);
            Assert.Equal(n, proofRoots.Count);
            Assert.All(proofRoots, r => Assert.Equal(trees[n].Root, Hash256.Parse((string)r!)));
        }
    }

    private static async Task<JsonNode> RunAsync(JsonObject input) =>
        JsonNode.Parse(await NodeScript.RunAsync("photon-proofs.cjs", input.ToJsonString()))
        ?? throw new InvalidOperationException("photon-proofs.cjs printed no JSON");
}
