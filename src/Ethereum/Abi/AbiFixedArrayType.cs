namespace Photon.Ethereum.Abi;

/// <summary>
/// <c>T[k]</c>: encoded exactly like a tuple of k elements of type <c>T</c>; static when <c>T</c> is.
/// In type strings suffixes apply left to right: <c>uint256[2][]</c> is a dynamic array of <c>uint256[2]</c>.
/// </summary>
public sealed class AbiFixedArrayType : AbiType
{
    private readonly string _name;
    private readonly int _headSize;

    internal AbiFixedArrayType(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length <= 0)
            throw new AbiException($"{element}[{length}] is refused: fixed arrays need at least one element");
        Element = element;
        Length = length;
        _name = $"{element}[{length}]";
        if (element.IsDynamic)
        {
            _headSize = 32;
        }
        else
        {
            var size = (long)element.HeadSize * length;
            _headSize = size <= MaxStaticSize ? (int)size : throw new AbiException($"{_name} is too large: its encoding would take {size} bytes");
        }
    }

    public AbiType Element { get; }

    public int Length { get; }

    public override bool IsDynamic => Element.IsDynamic;

    public override int HeadSize => _headSize;

    public override string ToString() => _name;
}
