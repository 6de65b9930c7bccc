using Photon.Ethereum;
using Photon.Protocol.Channels;

namespace Photon.Protocol.OnChain;

/// <summary>
/// What the contract stores for one participant of a closed channel: the nonce of its balance proof
/// there (0 while none is stored), the values behind the stored balance hash, or null when this node does
/// not know them (a proof it no longer holds was submitted), and that hash, so values recalled later from
/// the node's history (<see cref="StateChanges.ActionRecallProofValues"/>) can be checked against it.
/// </summary>
public sealed record StoredProof(ulong Nonce, BalanceValues? Values, Hash256 BalanceHash = default)
{
    /// <summary>Nothing stored: nonce 0 and the zero balance hash, whose values are zero.</summary>
    public static readonly StoredProof Empty = new(0, BalanceValues.Zero);

    /// <summary>
    /// The proof of <paramref name="end"/>'s participant that a chain event reports by nonce and balance
    /// hash. The values are known when the hash is zero or is the hash of the end this node holds; the
    /// hash, not the nonce, decides, since an older proof can commit to the same values as the latest.
    /// </summary>
    public static StoredProof Of(ulong nonce, Hash256 balanceHash, ChannelEnd end)
    {
        ArgumentNullException.ThrowIfNull(end);
        var values = balanceHash.IsZero ? BalanceValues.Zero
            : balanceHash == end.BalanceHash ? new BalanceValues(end.TransferredAmount, end.Locksroot)
            : null;
        return new StoredProof(nonce, values, balanceHash);
    }

    /// <summary>After an unlock credited to this proof: the same locksroot, the new transferred amount the contract reports.</summary>
    public StoredProof Unlocked(UInt256 transferredAmount) =>
        this with { Values = Values is null ? null : Values with { TransferredAmount = transferredAmount } };
}
