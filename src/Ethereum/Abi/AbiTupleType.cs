namespace Photon.Ethereum.Abi;

/// <summary>
/// <c>(T1,…,Tn)</c>, a Solidity struct: heads of the components in order, then the tails of the
/// dynamic ones. Components may be named (from a JSON ABI or a human-readable signature); names
/// are not part of the canonical type. Values are lists (or <see cref="System.Runtime.CompilerServices.ITuple"/>);
/// decoding yields <c>object?[]</c>.
/// </summary>
public sealed class AbiTupleType : AbiType
{
    private readonly string _name;
    private readonly int _headSize;
    private readonly bool _isDynamic;

    internal AbiTupleType(IEnumerable<AbiParameter> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        Components = [.. components];
        if (Components.Count == 0)
            throw new AbiException("() is refused: tuples need at least one component");
        _name = "(" + string.Join(",", Components.Select(c => c.Type.ToString())) + ")";
        _isDynamic = Components.Any(c => c.Type.IsDynamic);
        if (_isDynamic)
        {
            _headSize = 32;
        }
        else
        {
            var size = Components.Sum(c => (long)c.Type.HeadSize);
            _headSize = size <= MaxStaticSize ? (int)size : throw new AbiException($"{_name} is too large: its encoding would take {size} bytes");
        }
    }

    public IReadOnlyList<AbiParameter> Components { get; }

    public override bool IsDynamic => _isDynamic;

    public override int HeadSize => _headSize;

    public override string ToString() => _name;
}
