using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>unlock: claims <see cref="Lock"/> of <see cref="Payer"/>'s stored locksroot, whose secret is registered on chain.</summary>
public sealed record ContractSendChannelUnlock(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Payer,
    UInt256 TransferredAmount,
    HashTimeLock Lock,
    byte[] MerkleProof) : Event
{
    public bool Equals(ContractSendChannelUnlock? other) =>
        other is not null && TokenNetwork == other.TokenNetwork && ChannelId == other.ChannelId && Payer == other.Payer
        && TransferredAmount == other.TransferredAmount && Lock == other.Lock && MerkleProof.AsSpan().SequenceEqual(other.MerkleProof);

    public override int GetHashCode() => HashCode.Combine(ChannelId, Payer, Lock);
}
