namespace Photon.Ethereum.Abi;

/// <summary><c>bytes&lt;M&gt;</c>, M = 1..32, right-padded with zeros. Values are <c>byte[]</c> of exactly M bytes.</summary>
public sealed class AbiFixedBytesType : AbiType
{
    internal AbiFixedBytesType(int size)
    {
        if (size is < 1 or > 32)
            throw new AbiException($"bytes{size} is not an ABI type: the size must be from 1 to 32");
        Size = size;
    }

    public int Size { get; }

    public override bool IsDynamic => false;

    public override int HeadSize => 32;

    public override bool IsElementary => true;

    public override string ToString() => "bytes" + Size;
}
