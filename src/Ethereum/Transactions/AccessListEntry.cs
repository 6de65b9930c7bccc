using System.Collections.ObjectModel;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// One EIP-2930 access list entry: an address and the storage slots of it that the transaction
/// declares it will touch. Immutable: the keys are copied on the way in. Compares by content,
/// keeping order and duplicates (both are part of the signed encoding).
/// </summary>
public sealed record AccessListEntry
{
    private readonly ReadOnlyCollection<Hash256> _storageKeys;

    public AccessListEntry(Address address, IEnumerable<Hash256> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        Address = address;
        _storageKeys = Array.AsReadOnly(storageKeys.ToArray());
    }

    public Address Address { get; init; }

    public IReadOnlyList<Hash256> StorageKeys
    {
        get => _storageKeys;
        init => _storageKeys = Array.AsReadOnly((value ?? throw new ArgumentNullException(nameof(value))).ToArray());
    }

    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && _storageKeys.SequenceEqual(other._storageKeys);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Address);
        foreach (var key in _storageKeys)
            hash.Add(key);
        return hash.ToHashCode();
    }

    public override string ToString() => $"{Address} [{string.Join(", ", _storageKeys)}]";
}
