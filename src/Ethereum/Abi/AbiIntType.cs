namespace Photon.Ethereum.Abi;

/// <summary><c>int&lt;M&gt;</c>, M = 8, 16, …, 256, two's complement. Values are <see cref="System.Numerics.BigInteger"/>.</summary>
public sealed class AbiIntType : AbiType
{
    internal AbiIntType(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
            throw new AbiException($"int{bits} is not an ABI type: the width must be a multiple of 8 from 8 to 256");
        Bits = bits;
    }

    public int Bits { get; }

    public override bool IsDynamic => false;

    public override int HeadSize => 32;

    public override bool IsElementary => true;

    public override string ToString() => "int" + Bits;
}
