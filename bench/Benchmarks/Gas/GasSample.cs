using Photon.Ethereum.JsonRpc;

namespace Photon.Benchmarks.Gas;

/// <summary>One measured transaction: what it used, what its calldata costs, and its floor.</summary>
internal sealed record GasSample(string Call, TransactionReceipt Receipt, byte[] Calldata, GasFloor Floor, int Signatures)
{
    public long GasUsed => (long)Receipt.GasUsed;

    public long Intrinsic => GasFloor.Intrinsic(Calldata);

    public long CalldataFloor => GasFloor.CalldataFloor(Calldata);

    public long FloorTotal => Intrinsic + Floor.Storage;

    public long OverFloor => GasUsed - FloorTotal;

    /// <summary>Logs and signature recoveries: required, and inside <see cref="OverFloor"/>.</summary>
    public long LogsAndSignatures => GasFloor.Logs(Receipt) + Signatures * GasFloor.SignatureRecovery;
}
