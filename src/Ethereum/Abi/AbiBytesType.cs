namespace Photon.Ethereum.Abi;

/// <summary><c>bytes</c>: a length word, then the bytes right-padded to 32. Values are <c>byte[]</c>.</summary>
public sealed class AbiBytesType : AbiType
{
    internal AbiBytesType()
    {
    }

    public override bool IsDynamic => true;

    public override int HeadSize => 32;

    public override string ToString() => "bytes";
}
