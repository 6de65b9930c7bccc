using System.Diagnostics;
using System.Globalization;
using Photon.Contracts.Tests.Network.Support;
using Xunit.Abstractions;

namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>
/// At least 200 seeded random sequences of opens, deposits (own and third-party), withdrawals (valid
/// and not), off-chain payments, closes (latest, older or no proof), updates (own and delegated),
/// settlements after mining and cooperative settlements, each from the same snapshot of the chain.
/// After every step the chain must match the model and the network's token balance must equal what
/// its channels hold; every settlement must pay out exactly deposits − withdrawals, split by the
/// formula. PHOTON_RANDOM_SEED and PHOTON_RANDOM_SEQUENCES replay one sequence (or another range).
/// </summary>
public sealed class RandomizedNetworkTests(NetworkFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkFixture>
{
    private const int DefaultSeed = 20_261_122;
    private const int DefaultSequences = 200;

    /// <summary>Outcomes a full run must reach; a generator that stops producing one would leave its rule untested.</summary>
    private static readonly string[] RequiredOutcomes =
    [
        "open: accepted", "open: SettleTimeoutOutOfRange", "open: ChannelExists", "open with deposit: accepted",
        "deposit: accepted", "deposit: TotalDepositNotIncreasing", "deposit: ChannelNotOpened",
        "withdraw: accepted", "withdraw: WithdrawExpired", "withdraw: TotalWithdrawNotIncreasing", "withdraw: WithdrawExceedsChannel",
        "withdraw: WrongSigner", "withdraw: ChannelNotOpened",
        "pay (off-chain): accepted",
        "close: accepted", "close: NotParticipant", "close: EmptyProofWithValues", "close: ChannelNotOpened",
        "update: accepted", "update: UpdateWindowOver", "update: CallerIsNotNonClosing", "update: NonceNotIncreasing", "update: ChannelNotClosed",
        "update by delegate: accepted",
        "settle: accepted", "settle: SettleTooEarly", "settle: BalanceHashMismatch", "settle: ChannelNotClosed",
        "cooperative settle: accepted", "cooperative settle: CooperativeSettleMismatch", "cooperative settle: WrongSigner",
        "cooperative settle: ChannelNotOpened",
    ];

    [Fact]
    public async Task Random_operation_sequences_keep_the_network_solvent_and_every_settlement_pays_out_exactly_what_the_channel_held()
    {
        var firstSeed = FromEnvironment("PHOTON_RANDOM_SEED") ?? DefaultSeed;
        var sequences = FromEnvironment("PHOTON_RANDOM_SEQUENCES") ?? DefaultSequences;
        var actors = await RandomActors.CreateAsync(fixture.Main, RandomSequence.ActorCount);
        var stats = new RandomStats();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < sequences; i++)
        {
            var snapshot = await fixture.Anvil.SnapshotAsync();
            await RandomSequence.RunAsync(fixture, actors, firstSeed + i, stats);
            Assert.True(await fixture.Anvil.RevertAsync(snapshot), "evm_revert refused the snapshot");
        }

        output.WriteLine($"seeds {firstSeed}..{firstSeed + sequences - 1} in {clock.Elapsed.TotalSeconds:0.0} s: {stats}");
        Assert.Equal(sequences, stats.Sequences);
        if (sequences < DefaultSequences)
            return;
        var missing = RequiredOutcomes.Where(o => !stats.Outcomes.ContainsKey(o)).ToList();
        Assert.True(missing.Count == 0, $"the generator never produced: {string.Join(", ", missing)}\n{stats}");
        Assert.True(stats.Settlements >= sequences, $"only {stats.Settlements} settlements in {sequences} sequences");
        Assert.True(stats.ClampedSettlements > 0 && stats.RewardedSettlements > 0 && stats.CooperativeSettlements > 0, stats.ToString());
    }

    private static int? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
