using System.Globalization;
using System.Text;
using System.Text.Json;
using Photon.TestSupport;

namespace Photon.Benchmarks.Gas;

/// <summary>
/// <c>-- gas --trace</c>: where a call's gas goes, from Anvil's opcode trace (debug_traceTransaction):
/// every storage access with its slot and cost, every external call, and the gas of the code between.
/// For finding waste: a slot written twice, a cold read that could have been avoided.
/// </summary>
internal static class GasTrace
{
    public static async Task WriteAsync(AnvilFixture anvil, GasSample sample, TextWriter output)
    {
        var trace = await anvil.Rpc.CallAsync(
            "debug_traceTransaction",
            [sample.Receipt.TransactionHash.ToString(), new Dictionary<string, object> { ["disableMemory"] = true, ["disableStack"] = false, ["disableStorage"] = true }]);
        var lines = new StringBuilder();
        long sstore = 0, sload = 0, calls = 0, logs = 0, keccak = 0;
        var steps = trace.GetProperty("structLogs").EnumerateArray().ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var op = step.GetProperty("op").GetString();
            var cost = step.GetProperty("gasCost").GetInt64();
            var depth = step.GetProperty("depth").GetInt32();
            var stack = step.TryGetProperty("stack", out var s) ? s : default;
            switch (op)
            {
                case "SSTORE":
                    sstore += cost;
                    lines.Append(CultureInfo.InvariantCulture, $"    d{depth} SSTORE {Top(stack, 0)} = {Top(stack, 1)}: {cost}\n");
                    break;
                case "SLOAD":
                    sload += cost;
                    lines.Append(CultureInfo.InvariantCulture, $"    d{depth} SLOAD {Top(stack, 0)}: {cost}\n");
                    break;
                case "TLOAD" or "TSTORE":
                    lines.Append(CultureInfo.InvariantCulture, $"    d{depth} {op}: {cost}\n");
                    break;
                case "CALL" or "STATICCALL" or "DELEGATECALL":
                    calls++;
                    lines.Append(CultureInfo.InvariantCulture, $"    d{depth} {op} to {Top(stack, 1)}: {CallGas(steps, i)} in all\n");
                    break;
                case "LOG0" or "LOG1" or "LOG2" or "LOG3" or "LOG4":
                    logs += cost;
                    break;
                case "KECCAK256":
                    keccak += cost;
                    break;
            }
        }
        output.WriteLine($"{sample.Call}: gas used {sample.GasUsed:N0}; SSTORE {sstore:N0}, SLOAD {sload:N0}, {calls} external calls, LOG {logs:N0}, KECCAK {keccak:N0}");
        output.Write(lines);
    }

    /// <summary>What a call cost the caller in all (access, the callee's execution): gas before it less gas at the next step of the same depth.</summary>
    private static string CallGas(List<JsonElement> steps, int index)
    {
        var depth = steps[index].GetProperty("depth").GetInt32();
        for (var j = index + 1; j < steps.Count; j++)
        {
            if (steps[j].GetProperty("depth").GetInt32() == depth)
                return (steps[index].GetProperty("gas").GetInt64() - steps[j].GetProperty("gas").GetInt64()).ToString("N0", CultureInfo.InvariantCulture);
        }
        return "?";
    }

    private static string Top(JsonElement stack, int fromTop)
    {
        if (stack.ValueKind != JsonValueKind.Array || stack.GetArrayLength() <= fromTop)
            return "?";
        var text = stack[stack.GetArrayLength() - 1 - fromTop].GetString() ?? "?";
        return text.Length > 14 ? text[..8] + "…" + text[^4..] : text;
    }
}
