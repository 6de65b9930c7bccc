namespace Photon.Ethereum.Transactions;

/// <summary>
/// How a <see cref="TransactionSender"/> prices, sizes and waits for its transactions. The defaults
/// suit a public chain with blocks every few seconds; tests against Anvil shorten the poll interval.
/// </summary>
public sealed record TransactionSenderOptions
{
    /// <summary>
    /// The estimate of eth_estimateGas is multiplied by this (from 1 to 10) and rounded up: state can change
    /// between estimation and inclusion, and a transaction that runs out of gas still pays for it.
    /// The result is capped at the latest block's gas limit (a node refuses more).
    /// </summary>
    public double GasMargin { get; init; } = 1.2;

    /// <summary>The tip per gas; null asks the node (eth_maxPriorityFeePerGas).</summary>
    public UInt256? MaxPriorityFeePerGas { get; init; }

    /// <summary>
    /// The fee cap per gas; null means 2 × the latest base fee + the tip, which keeps the
    /// transaction includable while the base fee doubles (about six consecutive full blocks, each
    /// raising it by at most 12.5 %). A tip above a fixed cap is lowered to the cap.
    /// </summary>
    public UInt256? MaxFeePerGas { get; init; }

    /// <summary>How often to ask for the receipt while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a receipt before <see cref="TransactionOutcomeUnknownException"/> (the transaction may still be mined later).</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    internal void Validate()
    {
        if (GasMargin is not (>= 1 and <= 10))
            throw new ArgumentOutOfRangeException(nameof(GasMargin), GasMargin, "the gas margin is a factor from 1 to 10");
        if (PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "the poll interval must be positive");
        if (ReceiptTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ReceiptTimeout), ReceiptTimeout, "the receipt timeout must be positive");
        if (MaxFeePerGas is { } cap && MaxPriorityFeePerGas is { } tip && tip > cap)
            throw new ArgumentException($"the priority fee {tip} is above the fee cap {cap}: such a transaction is never included", nameof(MaxPriorityFeePerGas));
    }
}
