namespace Photon.Ethereum.Abi;

/// <summary><c>address</c>: 20 bytes, left-padded with zeros. Values are <see cref="Ethereum.Address"/>.</summary>
public sealed class AbiAddressType : AbiType
{
    internal AbiAddressType()
    {
    }

    public override bool IsDynamic => false;

    public override int HeadSize => 32;

    public override bool IsElementary => true;

    public override string ToString() => "address";
}
