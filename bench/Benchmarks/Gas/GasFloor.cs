using System.Globalization;
using Photon.Ethereum.JsonRpc;

namespace Photon.Benchmarks.Gas;

/// <summary>
/// The least a call can cost under the Cancun/Prague schedule, whatever the contract's code: the
/// intrinsic gas of its calldata, the storage writes its effect needs (with their cold access), and
/// the token transfers it must make. <see cref="Storage"/> is that second part with its explanation.
/// Logs and signature recoveries are required too (the events are normative, the proofs signed) but
/// are reported beside the floor, so the floor stays what its name says.
/// </summary>
internal sealed record GasFloor(long Storage, string Explanation)
{
    /// <summary>SSTORE of a new slot (zero → non-zero), cold: 20,000 + 2,100.</summary>
    public const long NewSlot = 22_100;

    /// <summary>SSTORE changing a non-zero slot, cold: 2,900 + 2,100.</summary>
    public const long UpdatedSlot = 5_000;

    /// <summary>What clearing a non-zero slot refunds (EIP-3529), up to a fifth of the transaction's gas.</summary>
    public const long ClearRefund = 4_800;

    /// <summary>
    /// A token transfer that is the first token call of the transaction: cold CALL (2,600) and two
    /// balance slots changed (2 × 5,000; both holders already hold tokens).
    /// </summary>
    public const long FirstTransfer = 2_600 + 2 * UpdatedSlot;

    /// <summary>A later transfer from the same payer: warm CALL (100), the payer's slot read and written again (100 + 100), the recipient's (5,000).</summary>
    public const long LaterTransfer = 100 + 100 + 100 + UpdatedSlot;

    /// <summary>transferFrom: a first transfer plus the cold read of the (unlimited, never written) allowance.</summary>
    public const long TransferFrom = FirstTransfer + 2_100;

    /// <summary>ecrecover precompile.</summary>
    public const long SignatureRecovery = 3_000;

    public static readonly GasFloor OpenChannel = new(
        3 * NewSlot + UpdatedSlot,
        "pair entry + 2 channel slots new (3 × 22,100); counter updated (5,000)");

    public static readonly GasFloor OpenChannelWithDeposit = new(
        4 * NewSlot + UpdatedSlot + TransferFrom,
        "as openChannel + deposit slot new (22,100) + transferFrom (14,700)");

    public static readonly GasFloor FirstDeposit = new(NewSlot + TransferFrom, "deposit slot new (22,100) + transferFrom (14,700)");

    public static readonly GasFloor LaterDeposit = new(UpdatedSlot + TransferFrom, "deposit slot updated (5,000) + transferFrom (14,700)");

    public static readonly GasFloor Withdraw = new(UpdatedSlot + FirstTransfer, "withdrawn total updated (5,000) + transfer (12,600)");

    public static readonly GasFloor CloseWithProof = new(
        NewSlot + UpdatedSlot,
        "partner's balance hash new (22,100); state, settle block and nonce in one updated slot (5,000)");

    public static readonly GasFloor CloseWithoutProof = new(UpdatedSlot, "state and settle block updated (5,000)");

    public static readonly GasFloor Update = new(NewSlot + UpdatedSlot, "closer's balance hash new (22,100) + nonce updated (5,000)");

    public static readonly GasFloor UpdateDelegate = new(
        2 * NewSlot + UpdatedSlot,
        "as update + monitor and reward new (22,100)");

    public static readonly GasFloor Unlock = new(NewSlot + UpdatedSlot, "unlock record new (22,100) + payer's balance hash updated (5,000)");

    public static readonly GasFloor Punish = new(UpdatedSlot, "punished flag in the state updated (5,000)");

    public static readonly GasFloor Settle = new(
        2 * UpdatedSlot - 2 * ClearRefund + FirstTransfer + LaterTransfer,
        "pair entry and channel cleared (2 × 5,000 − 2 × 4,800 refund) + 2 payouts (12,600 + 5,300)");

    public static readonly GasFloor SettleWithReward = new(
        Settle.Storage + LaterTransfer,
        "as settle + the monitor's payout (5,300)");

    public static readonly GasFloor CooperativeSettle = new(Settle.Storage, "as settle: pair entry and channel cleared + 2 payouts");

    public static readonly GasFloor RegisterSecret = new(NewSlot, "reveal block new (22,100)");

    /// <summary>CREATE (32,000) + code deposit (200 per runtime byte) + init code words (2 each, EIP-3860) + the registry's entry.</summary>
    public static GasFloor CreateTokenNetwork(int runtimeBytes, int initCodeBytes)
    {
        var words = (initCodeBytes + 31) / 32;
        return new GasFloor(
            32_000 + 200L * runtimeBytes + 2L * words + NewSlot,
            string.Create(CultureInfo.InvariantCulture, $"CREATE 32,000 + code deposit 200 × {runtimeBytes:N0} B + init code 2 × {words} words + registry entry new (22,100)"));
    }

    /// <summary>21,000 + 4 per zero and 16 per non-zero calldata byte.</summary>
    public static long Intrinsic(ReadOnlySpan<byte> calldata)
    {
        var zeros = calldata.Count((byte)0);
        return 21_000 + 4L * zeros + 16L * (calldata.Length - zeros);
    }

    /// <summary>EIP-7623 (Prague): a transaction pays at least 21,000 + 10 per calldata token (zero byte 1, non-zero byte 4).</summary>
    public static long CalldataFloor(ReadOnlySpan<byte> calldata)
    {
        var zeros = calldata.Count((byte)0);
        return 21_000 + 10L * (zeros + 4L * (calldata.Length - zeros));
    }

    /// <summary>LOG costs of every log in the receipt: 375 + 375 per topic + 8 per data byte.</summary>
    public static long Logs(TransactionReceipt receipt) =>
        receipt.Logs.Sum(l => 375L + 375L * l.Topics.Count + 8L * l.Data.Length);
}
