namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>
/// What the randomized run exercised, summed over its sequences: how often each operation was
/// accepted and each refusal seen, and how many settlements were checked. The test asserts the
/// generator reached every outcome it is meant to, so a generator bug cannot leave a rule untested.
/// </summary>
internal sealed class RandomStats
{
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public int Sequences { get; set; }

    public int Steps { get; set; }

    public int Settlements { get; set; }

    public int CooperativeSettlements { get; set; }

    public int ClampedSettlements { get; set; }

    public int RewardedSettlements { get; set; }

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    /// <summary>Counts "operation: outcome" (e.g. "withdraw: WithdrawExceedsChannel", "settle: accepted").</summary>
    public void Count(string operation, Expected expected)
    {
        var key = $"{operation}: {expected.Error ?? "accepted"}";
        _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
    }

    public override string ToString() =>
        $"{Sequences} sequences, {Steps} steps, {Settlements} settlements ({CooperativeSettlements} cooperative, {ClampedSettlements} clamped, {RewardedSettlements} with a monitor reward)\n"
        + string.Join("\n", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"  {o.Key}: {o.Value}"));
}
