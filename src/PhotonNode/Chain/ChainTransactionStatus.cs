namespace Photon.Node.Chain;

/// <summary>A chain transaction's life (docs/node.md): Pending → Submitted → Mined or Failed.</summary>
public enum ChainTransactionStatus
{
    /// <summary>Committed with the state change (or API action) that asked for it; not sent yet.</summary>
    Pending,

    /// <summary>Accepted by the Ethereum node; its hash is recorded, the receipt not seen yet.</summary>
    Submitted,

    /// <summary>Mined with status 1.</summary>
    Mined,

    /// <summary>Reverted, refused at estimation, or no longer useful; <see cref="ChainTransactionRecord.Error"/> says why.</summary>
    Failed,
}
