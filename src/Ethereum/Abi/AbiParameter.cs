namespace Photon.Ethereum.Abi;

/// <summary>
/// A named, typed slot: a function or error parameter, a return value, an event input
/// (<paramref name="Indexed"/> only matters there) or a tuple component. Names are for people
/// and JSON; they are not part of the encoding or of signatures. An unnamed slot has the name "".
/// </summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public AbiParameter(AbiType type)
        : this("", type)
    {
    }

    public override string ToString() =>
        Type + (Indexed ? " indexed" : "") + (Name.Length > 0 ? " " + Name : "");
}
