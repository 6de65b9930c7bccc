using System.Text.RegularExpressions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>
/// A contract that exposes the internal functions of the real libraries (contracts-sol/src/lib:
/// ProofHashes, LocksRoot, Signatures) as external pure functions, so that the EVM itself computes
/// what the TokenNetwork will check. The libraries are compiled from their files, with whatever they
/// import, under their paths relative to contracts-sol/src.
/// </summary>
internal static partial class ProofsHarness
{
    public const string Name = "ProofsHarness";

    private const string UnitName = "test/ProofsHarness.sol";

    private const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity 0.8.37;

        import {LocksRoot} from "../lib/LocksRoot.sol";
        import {ProofHashes} from "../lib/ProofHashes.sol";
        import {Signatures} from "../lib/Signatures.sol";

        contract ProofsHarness {
            function domainSeparator(uint256 chainId, address tokenNetwork) external pure returns (bytes32) {
                return ProofHashes.domainSeparator(chainId, tokenNetwork);
            }

            function balanceHash(uint256 transferredAmount, bytes32 locksroot) external pure returns (bytes32) {
                return ProofHashes.balanceHash(transferredAmount, locksroot);
            }

            function lockHash(uint256 expiration, uint256 amount, bytes32 secretHash) external pure returns (bytes32) {
                return ProofHashes.lockHash(expiration, amount, secretHash);
            }

            function locksRoot(bytes32 leaf, bytes calldata proof) external pure returns (bytes32) {
                return LocksRoot.compute(leaf, proof);
            }

            function recover(bytes32 digest, bytes calldata signature) external pure returns (address) {
                return Signatures.recover(digest, signature);
            }

            function balanceProofDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, bytes32 balanceHash_, uint256 nonce, bytes32 additionalHash
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.balanceProof(channelId, balanceHash_, nonce, additionalHash));
            }

            function monitorDelegationDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, bytes32 balanceHash_, uint256 nonce, bytes32 additionalHash, address monitor, uint256 reward
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.monitorDelegation(channelId, balanceHash_, nonce, additionalHash, monitor, reward));
            }

            function withdrawDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, address participant, uint256 totalWithdraw, uint256 expirationBlock
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.withdraw(channelId, participant, totalWithdraw, expirationBlock));
            }

            function cooperativeSettleDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, address participant1, uint256 balance1, address participant2, uint256 balance2
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.cooperativeSettle(channelId, participant1, balance1, participant2, balance2));
            }

            function disposedDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, bytes32 lockHash_, bytes32 additionalHash
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.disposed(channelId, lockHash_, additionalHash));
            }

            function unlockDelegationDigest(
                uint256 chainId, address tokenNetwork,
                uint256 channelId, address delegate, bytes32 lockHash_
            ) external pure returns (bytes32) {
                return ProofHashes.digest(
                    ProofHashes.domainSeparator(chainId, tokenNetwork),
                    ProofHashes.unlockDelegation(channelId, delegate, lockHash_));
            }
        }
        """;

    /// <summary>The harness and every file it reaches through imports, keyed by unit name (paths under contracts-sol/src).</summary>
    public static IReadOnlyDictionary<string, string> Sources()
    {
        var root = Path.Combine(RepoPaths.Root, "contracts-sol", "src");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal) { [UnitName] = Source };
        var pending = new Queue<string>([UnitName]);
        while (pending.TryDequeue(out var unit))
        {
            foreach (Match import in ImportPath().Matches(sources[unit]))
            {
                var imported = Resolve(unit, import.Groups[1].Value);
                if (sources.ContainsKey(imported))
                    continue;
                sources[imported] = File.ReadAllText(Path.Combine(root, imported));
                pending.Enqueue(imported);
            }
        }
        return sources;
    }

    // Solidity resolves "./" and "../" against the importing unit's directory; other paths are unit names already.
    private static string Resolve(string importer, string path)
    {
        if (!path.StartsWith("./", StringComparison.Ordinal) && !path.StartsWith("../", StringComparison.Ordinal))
            return path;
        var segments = importer.Split('/').SkipLast(1).ToList();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                    throw new InvalidOperationException($"import {path} in {importer} leaves contracts-sol/src");
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }
        return string.Join('/', segments);
    }

    [GeneratedRegex("import\\s+(?:\\{[^}]*\\}\\s+from\\s+|\\*\\s+as\\s+\\w+\\s+from\\s+)?\"([^\"]+)\"")]
    private static partial Regex ImportPath();
}
