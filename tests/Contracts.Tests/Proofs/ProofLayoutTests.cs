using System.Text.RegularExpressions;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Proofs;

public sealed partial class ProofLayoutTests
{
    // Copied character for character from DESIGN.md §5.
    private static readonly string[] Design =
    [
        "BalanceProof(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash)",
        "MonitorDelegation(uint256 channelId,bytes32 balanceHash,uint256 nonce,bytes32 additionalHash,address monitor,uint256 reward)",
        "Withdraw(uint256 channelId,address participant,uint256 totalWithdraw,uint256 expirationBlock)",
        "CooperativeSettle(uint256 channelId,address participant1,uint256 balance1,address participant2,uint256 balance2)",
        "Disposed(uint256 channelId,bytes32 lockHash,bytes32 additionalHash)",
        "UnlockDelegation(uint256 channelId,address delegate,bytes32 lockHash)",
    ];

    private static readonly string[] Ours =
    [
        BalanceProof.TypeString, MonitorDelegation.TypeString, WithdrawProof.TypeString,
        CooperativeSettleProof.TypeString, DisposedProof.TypeString, UnlockDelegation.TypeString,
    ];

    private static readonly Hash256[] OurHashes =
    [
        BalanceProof.TypeHash, MonitorDelegation.TypeHash, WithdrawProof.TypeHash,
        CooperativeSettleProof.TypeHash, DisposedProof.TypeHash, UnlockDelegation.TypeHash,
    ];

    [Fact]
    public void Type_strings_are_exactly_the_ones_in_the_design()
    {
        Assert.Equal(Design, Ours);
    }

    [Fact]
    public void Type_strings_are_exactly_the_ones_the_solidity_library_hashes()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "contracts-sol", "src", "lib", "ProofHashes.sol"));
        var hashed = KeccakOfLiteral().Matches(source).Select(m => m.Groups[1].Value)
            .Where(s => !s.StartsWith("EIP712Domain(", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(Ours, hashed);
    }

    [Fact]
    public void Type_hashes_are_the_keccak_of_the_type_strings()
    {
        Assert.Equal(Design.Select(s => Keccak256.Hash(s)), OurHashes);
        Assert.Equal(6, OurHashes.Distinct().Count());
    }

    [Fact]
    public void The_photon_domain_is_named_Photon_version_1_and_hashes_like_the_contract()
    {
        var samples = new ProofSamples(1);
        for (var i = 0; i < 20; i++)
        {
            var domain = samples.Domain();
            var expected = Keccak256.Hash(AbiCodec.Encode(
                [AbiType.Bytes32, AbiType.Bytes32, AbiType.Bytes32, AbiType.UInt256, AbiType.Address],
                [Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                 Keccak256.Hash("Photon"), Keccak256.Hash("1"), domain.ChainId, domain.VerifyingContract]));

            Assert.Equal(("Photon", "1"), (domain.Name, domain.Version));
            Assert.Equal(expected, domain.Separator);
        }
    }

    [Fact]
    public void Struct_hash_is_the_keccak_of_the_type_hash_and_the_abi_encoded_members_in_type_string_order()
    {
        var samples = new ProofSamples(2);
        for (var i = 0; i < 60; i++)
        {
            var proof = samples.Proof(i % ProofSamples.Kinds);
            var (_, members) = ProofMembers.Of(proof);
            var typeString = ProofMembers.TypeString(proof);
            var expected = Keccak256.Hash(AbiCodec.Encode(
                [AbiType.Bytes32, .. members.Select(m => AbiType.Parse(m.Type))],
                [Keccak256.Hash(typeString), .. members.Select(m => m.Value)]));

            Assert.Contains(typeString, Design);
            Assert.Equal(expected, proof.StructHash());
        }
    }

    [Fact]
    public void Digest_is_the_eip191_version_1_hash_of_separator_and_struct_hash()
    {
        var samples = new ProofSamples(3);
        for (var i = 0; i < 12; i++)
        {
            var proof = samples.Proof(i % ProofSamples.Kinds);
            var domain = samples.Domain();

            var expected = Keccak256.Hash([0x19, 0x01, .. domain.Separator.ToArray(), .. proof.StructHash().ToArray()]);

            Assert.Equal(expected, proof.Digest(domain));
        }
    }

    [Fact]
    public void Every_member_changes_the_struct_hash()
    {
        var proofs = new SignedProof[]
        {
            new BalanceProof(1, Hash256.Zero, 1, Hash256.Zero),
            new MonitorDelegation(1, Hash256.Zero, 1, Hash256.Zero, Address.Zero, 1),
            new WithdrawProof(1, Address.Zero, 1, 1),
            new CooperativeSettleProof(1, Address.Zero, 1, Address.Zero, 1),
            new DisposedProof(1, Hash256.Zero, Hash256.Zero),
            new UnlockDelegation(1, Address.Zero, Hash256.Zero),
        };
        var one = new Hash256([.. new byte[31], 1]);
        var address = Address.Parse("0x0000000000000000000000000000000000000001");
        var variants = new SignedProof[]
        {
            (BalanceProof)proofs[0] with { ChannelId = 2 }, (BalanceProof)proofs[0] with { BalanceHash = one },
            (BalanceProof)proofs[0] with { Nonce = 2 }, (BalanceProof)proofs[0] with { AdditionalHash = one },
            (MonitorDelegation)proofs[1] with { Monitor = address }, (MonitorDelegation)proofs[1] with { Reward = 2 },
            (MonitorDelegation)proofs[1] with { Nonce = 2 },
            (WithdrawProof)proofs[2] with { Participant = address }, (WithdrawProof)proofs[2] with { TotalWithdraw = 2 },
            (WithdrawProof)proofs[2] with { ExpirationBlock = 2 },
            (CooperativeSettleProof)proofs[3] with { Participant1 = address }, (CooperativeSettleProof)proofs[3] with { Balance1 = 2 },
            (CooperativeSettleProof)proofs[3] with { Participant2 = address }, (CooperativeSettleProof)proofs[3] with { Balance2 = 2 },
            (DisposedProof)proofs[4] with { LockHash = one }, (DisposedProof)proofs[4] with { AdditionalHash = one },
            (UnlockDelegation)proofs[5] with { Delegate = address }, (UnlockDelegation)proofs[5] with { LockHash = one },
        };

        var hashes = proofs.Concat(variants).Select(p => p.StructHash()).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [GeneratedRegex("keccak256\\(\\s*\"([A-Za-z0-9]+\\([^\"]*\\))\"\\s*\\)")]
    private static partial Regex KeccakOfLiteral();
}
