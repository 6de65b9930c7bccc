using System.Text.Json.Nodes;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Artifacts;

/// <summary>
/// The one compile script: the committed artifacts are what it makes of the committed sources,
/// and its check really fails (run on an edited copy of contracts-sol, never on the repository).
/// </summary>
public sealed class CompileScriptTests
{
    private const string Regenerate = "node contracts-sol/compile.cjs";

    // A new function changes TestToken's ABI and bytecode and nothing else.
    private const string TestTokenHead = "contract TestToken is StandardToken {";
    private const string TestTokenHeadWithExtra = TestTokenHead + "\n    function extra() external pure returns (uint256) {\n        return 7;\n    }\n";

    [Fact]
    public async Task Committed_artifacts_match_the_sources()
    {
        var result = await CompileScript.RunAsync("contracts-sol/compile.cjs", check: true, RepoPaths.Root);

        Assert.True(result.ExitCode == 0, $"the committed artifacts are out of date; run `{Regenerate}` and commit the result:\n{result}");
        Assert.Contains("artifacts match the sources", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_names_every_artifact_that_differs_is_missing_or_is_stale_and_writes_nothing()
    {
        using var copy = ContractsCopy.Create();
        copy.Edit("tokens/TestToken.sol", TestTokenHead, TestTokenHeadWithExtra);
        copy.Delete("artifacts/NoReturnToken.json");
        copy.Write("artifacts/RetiredToken.json", "{}\n");
        var before = copy.Artifacts();

        var result = await copy.CompileAsync(check: true);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("differs: contracts-sol/artifacts/TestToken.json", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("missing: contracts-sol/artifacts/NoReturnToken.json", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("stale:   contracts-sol/artifacts/RetiredToken.json", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(Regenerate, result.StandardError, StringComparison.Ordinal);
        // Only the three problems are named: every other artifact still matches.
        Assert.Equal(3, result.StandardError.Split('\n').Count(l => l.Contains("contracts-sol/artifacts/", StringComparison.Ordinal)));
        AssertSameFiles(before, copy.Artifacts());
    }

    [Fact]
    public async Task Regenerating_rewrites_what_changed_byte_identically_and_removes_stale_artifacts()
    {
        using var copy = ContractsCopy.Create();
        var committed = copy.Artifacts();
        copy.Edit("tokens/TestToken.sol", TestTokenHead, TestTokenHeadWithExtra);
        copy.Delete("artifacts/NoReturnToken.json");
        copy.Write("artifacts/RetiredToken.json", "{}\n");

        var write = await copy.CompileAsync(check: false);
        var check = await copy.CompileAsync(check: true);

        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.True(check.ExitCode == 0, check.ToString());
        var regenerated = copy.Artifacts();
        Assert.DoesNotContain("RetiredToken.json", regenerated.Keys);
        Assert.Equal(committed.Keys.Order(StringComparer.Ordinal), regenerated.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in committed.Where(a => a.Key != "TestToken.json"))
            Assert.True(bytes.AsSpan().SequenceEqual(regenerated[file]), $"{file} is not byte-identical after regenerating");
        var testToken = JsonNode.Parse(regenerated["TestToken.json"])!;
        Assert.Contains(testToken["abi"]!.AsArray(), f => (string?)f!["name"] == "extra");
        Assert.EndsWith("}\n", copy.Read("artifacts/TestToken.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiler_warning_fails_the_run_and_writes_nothing()
    {
        using var copy = ContractsCopy.Create();
        copy.Write("tokens/Careless.sol", """
            // SPDX-License-Identifier: MIT
            pragma solidity 0.8.37;

            contract Careless {
                function f() external pure returns (uint256) {
                    uint256 unused;
                    return 1;
                }
            }
            """);
        var before = copy.Artifacts();

        var result = await copy.CompileAsync(check: false);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Unused local variable", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("contracts-sol/tokens/Careless.sol", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("warnings count as errors", result.StandardError, StringComparison.Ordinal);
        AssertSameFiles(before, copy.Artifacts());
    }

    [Fact]
    public async Task Two_deployable_contracts_with_one_name_are_refused()
    {
        using var copy = ContractsCopy.Create();
        copy.Write("src/other/TestToken.sol", """
            // SPDX-License-Identifier: MIT
            pragma solidity 0.8.37;

            contract TestToken {
                uint256 public value = 1;
            }
            """);

        var result = await copy.CompileAsync(check: false);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("two contracts are named TestToken", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("contracts-sol/src/other/TestToken.sol", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("contracts-sol/tokens/TestToken.sol", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_are_served_from_contracts_sol_and_nowhere_else()
    {
        using var copy = ContractsCopy.Create();
        // A file outside src/ and tokens/ is not a source of its own, but can be imported.
        copy.Write("shared/Answer.sol", """
            // SPDX-License-Identifier: MIT
            pragma solidity 0.8.37;

            library Answer {
                function value() internal pure returns (uint256) {
                    return 42;
                }
            }
            """);
        copy.Write("src/Asker.sol", """
            // SPDX-License-Identifier: MIT
            pragma solidity 0.8.37;

            import {Answer} from "../shared/Answer.sol";

            contract Asker {
                function ask() external pure returns (uint256) {
                    return Answer.value();
                }
            }
            """);
        File.WriteAllText(Path.Combine(copy.Root, "Outside.sol"), "// SPDX-License-Identifier: MIT\npragma solidity 0.8.37;\ncontract Outside {}\n");

        var inside = await copy.CompileAsync(check: false);
        copy.Write("src/Stray.sol", "// SPDX-License-Identifier: MIT\npragma solidity 0.8.37;\nimport \"../../Outside.sol\";\n");
        var outside = await copy.CompileAsync(check: false);

        Assert.True(inside.ExitCode == 0, inside.ToString());
        Assert.Contains("Asker.json", copy.Artifacts().Keys);
        // Libraries are not deployable artifacts.
        Assert.DoesNotContain("Answer.json", copy.Artifacts().Keys);
        Assert.True(outside.ExitCode == 1, outside.ToString());
        Assert.Contains("outside contracts-sol", outside.StandardError, StringComparison.Ordinal);
    }

    private static void AssertSameFiles(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} was changed");
    }
}
