using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>
/// Settlement on chain against an independent computation of the formula with unbounded integers:
/// participant1 = clamp(deposit1 − withdrawn1 + transferred2 − transferred1, 0, total), participant2 = total − participant1.
/// </summary>
public sealed partial class SettlementFormulaTableTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    /// <summary>
    /// deposit1, deposit2, withdrawn1, withdrawn2, transferred1, transferred2 (null: that participant
    /// never signed a proof; "2^k±n" for huge amounts), participant2 closes, non-zero locksroots.
    /// </summary>
    public static TheoryData<ulong, ulong, ulong, ulong, string?, string?, bool, bool> Cases => new()
    {
        // Ordinary balances.
        { 100, 50, 0, 0, "30", "10", false, false },
        { 100, 50, 0, 0, "10", "30", true, true },
        { 100, 50, 0, 0, "30", "30", false, true },
        { 100, 50, 0, 0, "0", "0", true, false },
        { 0, 50, 0, 0, null, "20", false, false },
        { 100, 0, 0, 0, "40", null, true, false },
        { 1_000_000, 1_000_000, 0, 0, "999999", "1", false, true },
        { 1, 1, 0, 0, "1", null, true, true },
        // Zero proofs.
        { 100, 50, 0, 0, null, null, false, false },
        { 100, 50, 30, 20, null, null, true, false },
        { 7, 3, 7, 3, null, null, false, false },
        { 0, 0, 0, 0, null, null, true, false },
        { 0, 0, 0, 0, "5", "7", false, true },
        // Clamp at zero and at the total, at and beyond their edges.
        { 100, 50, 0, 0, "100", "0", false, false },
        { 100, 50, 0, 0, "101", null, true, false },
        { 100, 50, 0, 0, null, "50", false, true },
        { 100, 50, 0, 0, "0", "51", true, true },
        { 100, 50, 0, 0, "1000", "900", false, false },
        { 100, 50, 0, 0, "900", "1000", true, false },
        // Withdrawals while open.
        { 100, 50, 20, 10, "5", "15", false, false },
        { 100, 50, 120, 0, null, "25", true, true },
        { 100, 50, 0, 150, null, null, false, false },
        { 100, 50, 0, 150, "150", null, true, false },
        { 100, 50, 30, 20, "1000", null, false, true },
        { 100, 50, 30, 20, null, "1000", true, false },
        { 100, 50, 50, 50, "20", "70", false, false },
        // Transferred amounts near 2^256 and around the 2^128 and 2^130 bounds of the implementation.
        { 100, 50, 0, 0, "2^256-1", null, false, false },
        { 100, 50, 0, 0, null, "2^256-1", true, false },
        { 100, 50, 0, 0, "2^256-1", "2^256-1", false, true },
        { 100, 50, 0, 0, "2^256-1", "2^256-4", true, true },
        { 100, 50, 0, 0, "2^256-4", "2^256-1", false, false },
        { 100, 50, 0, 0, "2^255", "2^255+7", true, false },
        { 100, 50, 0, 0, "2^256-1", "2^255", false, false },
        { 100, 50, 0, 0, "2^255", "2^256-1", true, true },
        { 100, 50, 0, 0, "2^130", "0", false, true },
        { 100, 50, 0, 0, "0", "2^130", true, false },
        { 100, 50, 0, 0, "2^130+1", "1", false, false },
        { 100, 50, 0, 0, "1", "2^129", true, true },
        { 100, 50, 0, 0, "2^128", "2^128+25", false, false },
        { 100, 50, 0, 0, "2^130+60", "2^130", true, false },
        { 100, 50, 40, 10, "2^200", "2^200-30", false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Settlement_pays_what_the_formula_gives(
        ulong deposit1, ulong deposit2, ulong withdrawn1, ulong withdrawn2, string? transferred1, string? transferred2, bool participant2Closes, bool withLocksroots)
    {
        var t1 = Amount(transferred1);
        var t2 = Amount(transferred2);
        var (expected1, expected2) = Expected(deposit1, deposit2, withdrawn1, withdrawn2, t1 ?? BigInteger.Zero, t2 ?? BigInteger.Zero);

        var outcome = await new DisputeSettlement(
            deposit1, deposit2, withdrawn1, withdrawn2, ToUInt256(t1), ToUInt256(t2), participant2Closes, withLocksroots).RunAsync(fixture.Main);

        Assert.Equal(expected1, outcome.Settled.Participant1Amount.ToBigInteger());
        Assert.Equal(expected2, outcome.Settled.Participant2Amount.ToBigInteger());
        Assert.Equal(expected1, outcome.Received1.ToBigInteger());
        Assert.Equal(expected2, outcome.Received2.ToBigInteger());
        Assert.Equal(expected1 + expected2, outcome.NetworkPaid.ToBigInteger());
    }

    [Fact]
    public void The_table_covers_every_region_of_the_formula()
    {
        var regions = Cases.Select(row => (object?[])row).Select(r =>
        {
            var (d1, d2, w1, w2) = ((ulong)r[0]!, (ulong)r[1]!, (ulong)r[2]!, (ulong)r[3]!);
            var raw = d1 - (BigInteger)w1 + (Amount((string?)r[5]) ?? 0) - (Amount((string?)r[4]) ?? 0);
            var total = (BigInteger)d1 + d2 - w1 - w2;
            return raw < 0 ? "below zero" : raw > total ? "above total" : raw == 0 ? "zero" : raw == total ? "total" : "inside";
        }).ToHashSet();

        Assert.True(Cases.Count >= 30);
        Assert.Equal(["above total", "below zero", "inside", "total", "zero"], regions.Order());
    }

    /// <summary>The formula, computed without any bound: what the contract must pay.</summary>
    private static (BigInteger Participant1, BigInteger Participant2) Expected(
        BigInteger deposit1, BigInteger deposit2, BigInteger withdrawn1, BigInteger withdrawn2, BigInteger transferred1, BigInteger transferred2)
    {
        var total = deposit1 + deposit2 - withdrawn1 - withdrawn2;
        var participant1 = BigInteger.Clamp(deposit1 - withdrawn1 + transferred2 - transferred1, BigInteger.Zero, total);
        return (participant1, total - participant1);
    }

    /// <summary>A decimal amount or "2^k", "2^k+n", "2^k-n"; null stays null.</summary>
    private static BigInteger? Amount(string? text)
    {
        if (text is null)
            return null;
        var power = PowerOfTwo().Match(text);
        if (!power.Success)
            return BigInteger.Parse(text, CultureInfo.InvariantCulture);
        var value = BigInteger.Pow(2, int.Parse(power.Groups[1].Value, CultureInfo.InvariantCulture));
        return power.Groups[2].Success ? value + BigInteger.Parse(power.Groups[2].Value, CultureInfo.InvariantCulture) : value;
    }

    private static UInt256? ToUInt256(BigInteger? value) => value is { } v ? UInt256.FromBigInteger(v) : null;

    [GeneratedRegex(@"^2\^(\d+)([+-]\d+)?$")]
    private static partial Regex PowerOfTwo();
}
