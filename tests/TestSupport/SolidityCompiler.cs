using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Photon.TestSupport;

/// <summary>
/// Compiles Solidity with the pinned solc-js (<c>tools/crosscheck/solc.cjs</c>, standard JSON in and
/// out) and returns each contract's ABI and bytecode. A compiler error fails with solc's messages.
/// Results are cached for the life of the test process by the exact compiler input, so fixtures
/// of several test classes can compile the same source and pay for it once.
/// </summary>
public static class SolidityCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<SolidityCompilation>>> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles one source file (named <paramref name="fileName"/> in solc's output and messages).</summary>
    public static Task<SolidityCompilation> CompileAsync(string source, SolidityCompilerOptions? options = null, string fileName = "Source.sol")
    {
        ArgumentNullException.ThrowIfNull(source);
        return CompileAsync(new Dictionary<string, string> { [fileName] = source }, options);
    }

    /// <summary>Compiles several source files, keyed by the name imports refer to them by.</summary>
    public static Task<SolidityCompilation> CompileAsync(IReadOnlyDictionary<string, string> sources, SolidityCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
            throw new ArgumentException("nothing to compile", nameof(sources));
        var input = StandardJsonInput(sources, options ?? new SolidityCompilerOptions()).ToJsonString();
        var lazy = Cache.GetOrAdd(input, key => new Lazy<Task<SolidityCompilation>>(() => RunAsync(key)));
        return lazy.Value;
    }

    private static JsonObject StandardJsonInput(IReadOnlyDictionary<string, string> sources, SolidityCompilerOptions options)
    {
        var sourceObject = new JsonObject();
        foreach (var (name, content) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
            sourceObject[name] = new JsonObject { ["content"] = content };
        var settings = new JsonObject
        {
            ["optimizer"] = new JsonObject { ["enabled"] = options.Optimize, ["runs"] = options.OptimizerRuns },
            ["outputSelection"] = new JsonObject
            {
                ["*"] = new JsonObject
                {
                    ["*"] = new JsonArray("abi", "evm.bytecode.object", "evm.deployedBytecode.object", "evm.methodIdentifiers"),
                },
            },
        };
        if (options.EvmVersion is { } evm)
            settings["evmVersion"] = evm;
        if (options.ViaIR)
            settings["viaIR"] = true;
        return new JsonObject { ["language"] = "Solidity", ["sources"] = sourceObject, ["settings"] = settings };
    }

    private static async Task<SolidityCompilation> RunAsync(string input)
    {
        var output = JsonNode.Parse(await NodeScript.RunAsync("solc.cjs", input, TimeSpan.FromMinutes(3)))
            ?? throw new InvalidOperationException("solc printed no JSON");
        var contracts = new List<CompiledContract>();
        if (output["contracts"] is JsonObject files)
        {
            foreach (var (file, fileContracts) in files)
            {
                foreach (var (name, contract) in fileContracts!.AsObject())
                    contracts.Add(CompiledContract.Read(file, name, contract!));
            }
        }
        var warnings = (output["errors"] as JsonArray ?? [])
            .Where(e => e?["severity"]?.GetValue<string>() != "error")
            .Select(e => e?["formattedMessage"]?.GetValue<string>() ?? e?["message"]?.GetValue<string>() ?? "")
            .ToArray();
        return new SolidityCompilation(contracts, warnings);
    }
}
