namespace Photon.Protocol.Channels;

/// <summary>Why a new balance proof (ours to build, or the partner's to accept) is refused.</summary>
public enum RefusalReason
{
    /// <summary>The message was not signed by the channel partner.</summary>
    NotFromPartner,

    WrongChainId,
    WrongTokenNetwork,
    WrongChannelId,

    /// <summary>Balance proofs change only while the channel is opened.</summary>
    ChannelNotOpened,

    /// <summary>The EIP-712 BalanceProof signature is not the partner's over exactly these fields.</summary>
    InvalidSignature,

    /// <summary>The nonce is not the previous one plus one.</summary>
    WrongNonce,

    /// <summary>The nonce would reach 2^48, beyond what the contracts accept.</summary>
    NonceLimitReached,

    TransferredAmountDecreased,

    /// <summary>The transferred amount is not the one the transition produces.</summary>
    TransferredAmountMismatch,

    /// <summary>The locked amount is not the sum of the expected pending locks.</summary>
    LockedAmountMismatch,

    /// <summary>The locksroot is not the root of the expected pending locks.</summary>
    LocksrootMismatch,

    /// <summary>The sender's transferred + locked amounts exceed what it can pay.</summary>
    InsufficientCapacity,

    /// <summary>A transfer or lock of zero changes no balance.</summary>
    ZeroAmount,

    /// <summary>The lock hash or its secret hash is already pending in this end.</summary>
    DuplicateLock,

    /// <summary>The lock hash was disposed in this channel and may never be used again (docs/contracts.md).</summary>
    DisposedLock,

    /// <summary>The lock's expiration is not after the current block.</summary>
    LockExpirationNotInFuture,

    /// <summary>The lock expires after the current block plus the settle timeout.</summary>
    LockExpirationTooFar,

    /// <summary>No pending lock has this secret hash.</summary>
    UnknownLock,

    /// <summary>The lock is removed as expired only once the block is past its expiration.</summary>
    LockNotExpired,

    /// <summary>This node signed a cooperative settlement of the channel or asked to close it: its balances are final.</summary>
    ChannelFrozen,

    /// <summary>No known token network or channel matches the message or action.</summary>
    UnknownChannel,

    /// <summary>The message is malformed (a missing or badly encoded field).</summary>
    InvalidMessage,

    /// <summary>The message names a payment this node has no part in, or is not from the party it should come from.</summary>
    UnknownPayment,

    /// <summary>The secret does not hash to the lock's secret hash.</summary>
    WrongSecret,

    /// <summary>The action's arguments are invalid (zero amount, unknown partner, no route, …).</summary>
    InvalidAction,

    /// <summary>A Disposed, Withdraw or CooperativeSettle signature is not the sender's over the stated fields.</summary>
    InvalidProofSignature,

    /// <summary>The request conflicts with a negotiation or a payment already in progress.</summary>
    Conflict,

    /// <summary>No candidate route can carry the payment (no channel, capacity, or timeouts).</summary>
    NoRoute,

    /// <summary>The lock's secret is registered on chain in time: the lock is claimable and cannot expire off-chain.</summary>
    SecretRegistered,

    /// <summary>A Withdraw's expiration block is not after the current block, or lies further ahead than the channel allows.</summary>
    InvalidExpiration,

    /// <summary>The balances of a CooperativeSettle are not what this node computes from the channel.</summary>
    BalanceMismatch,
}
