using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using BalanceProof = Photon.Protocol.Messages.BalanceProof;
using DisposedProof = Photon.Contracts.Proofs.DisposedProof;
using HashTimeLock = Photon.Contracts.Locks.HashTimeLock;
using WireLock = Photon.Protocol.Messages.HashTimeLock;

namespace Photon.Protocol.Transfers;

/// <summary>
/// The outgoing messages that change our end of a channel through a lock (unlock, expiry, disposal
/// answer) or give up the partner's lock (AnnounceDisposed). Each applies the channel transition,
/// seals the proof into its message, stores the channel and queues the message, or returns the refusal
/// and changes nothing.
/// </summary>
internal static class LockMessages
{
    public static WireLock ToWire(HashTimeLock hashTimeLock) => new()
    {
        Expiration = (ulong)hashTimeLock.Expiration,
        Amount = WireValues.Encode(hashTimeLock.Amount),
        SecretHash = WireValues.Encode(hashTimeLock.SecretHash),
    };

    /// <exception cref="InvalidMessageException">A missing or malformed lock.</exception>
    public static HashTimeLock FromWire(WireLock? hashTimeLock, string field) =>
        hashTimeLock is null
            ? throw new InvalidMessageException($"{field}: missing")
            : new HashTimeLock(
                hashTimeLock.Expiration,
                WireValues.ReadUInt256(hashTimeLock.Amount, $"{field}.amount"),
                WireValues.ReadHash(hashTimeLock.SecretHash, $"{field}.secret_hash"));

    /// <summary>Releases our pending lock with sha256(<paramref name="secret"/>) to the partner with an Unlock.</summary>
    public static Refusal? SendUnlock(TransitionContext context, Channel channel, Hash256 secret, UInt256 paymentId)
    {
        var transition = ChannelTransitions.ApplyUnlock(channel, context.Our, secret);
        if (!transition.IsAccepted)
            return transition.Refusal;
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        message.Unlock = new Unlock { PaymentId = WireValues.Encode(paymentId), Secret = WireValues.Encode(secret), BalanceProof = proof };
        Seal(context, channel, transition.End, message, proof);
        return null;
    }

    /// <summary>Removes our expired lock with <paramref name="secretHash"/> with a LockExpired.</summary>
    public static Refusal? SendLockExpired(TransitionContext context, Channel channel, Hash256 secretHash, UInt256 paymentId)
    {
        var transition = ChannelTransitions.ApplyLockExpired(channel, context.Our, secretHash, context.BlockNumber);
        if (!transition.IsAccepted)
            return transition.Refusal;
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        message.LockExpired = new LockExpired { PaymentId = WireValues.Encode(paymentId), SecretHash = WireValues.Encode(secretHash), BalanceProof = proof };
        Seal(context, channel, transition.End, message, proof);
        return null;
    }

    /// <summary>Answers the partner's AnnounceDisposed: removes our lock for good with an AnnounceDisposedResponse.</summary>
    public static Refusal? SendDisposedResponse(TransitionContext context, Channel channel, Hash256 secretHash, UInt256 paymentId)
    {
        var transition = ChannelTransitions.ApplyDisposed(channel, context.Our, secretHash);
        if (!transition.IsAccepted)
            return transition.Refusal;
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        message.AnnounceDisposedResponse = new AnnounceDisposedResponse
        {
            PaymentId = WireValues.Encode(paymentId),
            SecretHash = WireValues.Encode(secretHash),
            BalanceProof = proof,
        };
        Seal(context, channel, transition.End, message, proof);
        return null;
    }

    /// <summary>
    /// Gives up the partner's pending <paramref name="hashTimeLock"/>: signs Disposed for it and sends
    /// AnnounceDisposed. From here on this node must never claim the lock (its partner could punish it),
    /// so its hash is recorded as disposed at once, before the partner answers.
    /// </summary>
    public static void Dispose(TransitionContext context, Channel channel, HashTimeLock hashTimeLock, UInt256 paymentId, string reason)
    {
        var lockHash = hashTimeLock.LockHash;
        if (channel.Partner.DisposedLockHashes.Contains(lockHash))
            return;
        var message = context.NewMessage();
        var announce = new AnnounceDisposed
        {
            Channel = ChannelRefs.Of(channel),
            Lock = ToWire(hashTimeLock),
            PaymentId = WireValues.Encode(paymentId),
            Reason = Truncate(reason),
        };
        message.AnnounceDisposed = announce;
        var additionalHash = Keccak256.Hash(message.ToByteArray());
        var signature = new DisposedProof(channel.ChannelId, lockHash, additionalHash).Sign(context.Key, channel.Domain);
        announce.DisposedSignature = WireValues.Encode(signature);
        context.SetChannel(channel with { Partner = channel.Partner with { DisposedLockHashes = channel.Partner.DisposedLockHashes.Add(lockHash) } });
        context.Send(channel.Partner.Address, message);
    }

    private static void Seal(TransitionContext context, Channel channel, ChannelEnd end, Message message, BalanceProof proof)
    {
        var sealedEnd = ProofMessages.Seal(channel, end, message, proof, context.Key);
        context.SetChannel(channel with { Our = sealedEnd });
        context.Send(channel.Partner.Address, message);
    }

    // The wire allows at most 256 UTF-8 bytes of reason; ours are short ASCII sentences, cut to be sure.
    private static string Truncate(string reason) => reason.Length <= 200 ? reason : reason[..200];
}
