using System.Globalization;
using System.Text.Json;
using Photon.TestSupport;

namespace Photon.Benchmarks.Gas;

/// <summary>
/// <c>dotnet run -c Release --project bench/Benchmarks -- gas</c>: measures the gas of every
/// TokenNetwork call on Anvil and prints a markdown table with each call's floor (intrinsic gas plus
/// the storage writes and token transfers it cannot avoid) and how far above it the call is.
/// </summary>
internal static class GasCommand
{
    private const int Rounds = 3;

    private static readonly string[] Order =
    [
        GasScenarios.OpenChannel, GasScenarios.OpenChannelWithDeposit, GasScenarios.FirstDeposit, GasScenarios.LaterDeposit,
        GasScenarios.Withdraw, GasScenarios.CloseWithProof, GasScenarios.CloseWithoutProof, GasScenarios.Update,
        GasScenarios.UpdateDelegate, GasScenarios.UnlockOne, GasScenarios.UnlockOf32, GasScenarios.UnlockDelegate,
        GasScenarios.Punish, GasScenarios.Settle, GasScenarios.SettleWithReward, GasScenarios.CooperativeSettle,
        GasScenarios.RegisterSecret, GasScenarios.CreateTokenNetwork,
    ];

    private static readonly (string OneOff, string Steady)[] OneOffs =
    [
        (GasScenarios.FirstOpen, GasScenarios.OpenChannel),
        (GasScenarios.FirstTokensIn, GasScenarios.FirstDeposit),
        (GasScenarios.FirstNetwork, GasScenarios.CreateTokenNetwork),
    ];

    public static async Task<int> RunAsync(TextWriter output, bool trace)
    {
        // Steps tracing (for debug_traceTransaction) only when asked: it records every opcode.
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions { ExtraArguments = trace ? ["--steps-tracing"] : [] });
        var clientVersion = await anvil.Rpc.CallAsync<string>("web3_clientVersion", []);
        var nodeInfo = await anvil.Rpc.CallAsync("anvil_nodeInfo", []);
        var hardfork = nodeInfo.TryGetProperty("hardFork", out var fork) ? fork.ToString() : "(not reported)";

        var chain = await GasChain.StartAsync(anvil);
        await GasScenarios.PrepareAsync(chain);
        for (var round = 0; round < Rounds; round++)
            await GasScenarios.RunRoundAsync(chain);

        var byCall = chain.Samples.GroupBy(s => s.Call).ToDictionary(g => g.Key, g => g.OrderBy(s => s.GasUsed).ToList());
        output.WriteLine($"Anvil: {clientVersion}; hardfork: {hardfork}");
        output.WriteLine($"solc: {CompilerSettings()}");
        output.WriteLine();
        output.WriteLine("| call | gas used | calldata bytes (zero) | intrinsic | EIP-7623 calldata floor | writes + transfers | floor | over floor | of which logs + ecrecover | the floor is |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var call in Order)
        {
            var s = Median(byCall[call]);
            var zeros = s.Calldata.Count(b => b == 0);
            output.WriteLine(
                $"| {call} | {N(s.GasUsed)} | {s.Calldata.Length} ({zeros}) | {N(s.Intrinsic)} | {N(s.CalldataFloor)} | {N(s.Floor.Storage)} | {N(s.FloorTotal)} | {N(s.OverFloor)} | {N(s.LogsAndSignatures)} | {s.Floor.Explanation} |");
        }
        output.WriteLine();
        output.WriteLine("One-offs of a fresh network (measured before the rows above):");
        output.WriteLine();
        output.WriteLine("| call | gas used | steady state | difference |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (oneOff, steady) in OneOffs)
        {
            var first = Median(byCall[oneOff]).GasUsed;
            var usual = Median(byCall[steady]).GasUsed;
            output.WriteLine($"| {oneOff} | {N(first)} | {N(usual)} | {(first - usual).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture)} |");
        }
        output.WriteLine();
        var spread = byCall.Values.Where(v => v.Count > 1).Max(v => v[^1].GasUsed - v[0].GasUsed);
        output.WriteLine($"{Rounds} samples per call; the median is shown; the largest spread between samples of one call is {N(spread)} gas.");
        if (trace)
        {
            output.WriteLine();
            foreach (var call in Order)
                await GasTrace.WriteAsync(anvil, Median(byCall[call]), output);
        }
        return 0;
    }

    private static GasSample Median(List<GasSample> sorted) => sorted[sorted.Count / 2];

    private static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string CompilerSettings()
    {
        using var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "contracts-sol", "artifacts", "TokenNetwork.json")));
        var compiler = artifact.RootElement.GetProperty("compiler");
        return $"{compiler.GetProperty("version").GetString()}, settings {JsonSerializer.Serialize(compiler.GetProperty("settings"))}";
    }
}
