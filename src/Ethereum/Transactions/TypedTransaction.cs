using System.Collections.ObjectModel;
using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// An EIP-2718 typed transaction with an EIP-2930 access list: serialized as
/// <c>type ‖ rlp([chainId, nonce, fees…, gasLimit, to, value, data, accessList, (yParity, r, s)])</c>,
/// signed with a y-parity of 0 or 1 in place of <c>v</c>.
/// </summary>
public abstract record TypedTransaction : Transaction
{
    private readonly ReadOnlyCollection<AccessListEntry> _accessList = ReadOnlyCollection<AccessListEntry>.Empty;

    private protected TypedTransaction()
    {
    }

    public required ulong ChainId { get; init; }

    /// <summary>Addresses and storage slots the transaction pre-declares (a private copy; empty by default).</summary>
    public IReadOnlyList<AccessListEntry> AccessList
    {
        get => _accessList;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var entries = value.ToArray();
            if (Array.IndexOf(entries, null) >= 0)
                throw new ArgumentException("an access list has no null entries", nameof(value));
            _accessList = Array.AsReadOnly(entries);
        }
    }

    public override ulong? SignedChainId => ChainId;

    /// <summary>Writes the fee fields that sit between the nonce and the gas limit.</summary>
    private protected abstract void WriteFees(RlpWriter writer);

    private protected override void WriteUnsigned(RlpWriter writer)
    {
        WriteTypedFields(writer);
        writer.EndList();
    }

    private protected override void WriteSigned(RlpWriter writer, Signature signature)
    {
        WriteTypedFields(writer);
        writer.Write((ulong)signature.RecoveryId).Write(signature.R).Write(signature.S);
        writer.EndList();
    }

    // Leaves the list open for the signature fields.
    private void WriteTypedFields(RlpWriter writer)
    {
        // The type byte precedes the RLP list; it is not an RLP item itself.
        writer.WriteEncoded([(byte)Type]);
        writer.StartList().Write(ChainId).Write(Nonce);
        WriteFees(writer);
        writer.Write(GasLimit).Write(To).Write(Value).WriteBytes(Data.Span);
        writer.StartList();
        foreach (var entry in _accessList)
        {
            writer.StartList().Write(entry.Address).StartList();
            foreach (var key in entry.StorageKeys)
                writer.Write(key);
            writer.EndList().EndList();
        }
        writer.EndList();
    }

    public virtual bool Equals(TypedTransaction? other) =>
        base.Equals(other) && ChainId == other.ChainId && _accessList.SequenceEqual(other._accessList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(ChainId);
        foreach (var entry in _accessList)
            hash.Add(entry);
        return hash.ToHashCode();
    }
}
