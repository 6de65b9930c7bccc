namespace Photon.Ethereum.Abi;

/// <summary>
/// <c>T[]</c>: a length word followed by the elements encoded like a tuple of that many <c>T</c>.
/// Values are lists; decoding yields <c>object?[]</c>.
/// </summary>
public sealed class AbiArrayType : AbiType
{
    private readonly string _name;

    internal AbiArrayType(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Element = element;
        _name = element + "[]";
    }

    public AbiType Element { get; }

    public override bool IsDynamic => true;

    public override int HeadSize => 32;

    public override string ToString() => _name;
}
