namespace Photon.Ethereum.Abi;

/// <summary><c>string</c>: encoded like <c>bytes</c> holding UTF-8. Values are <see cref="string"/>.</summary>
public sealed class AbiStringType : AbiType
{
    internal AbiStringType()
    {
    }

    public override bool IsDynamic => true;

    public override int HeadSize => 32;

    public override string ToString() => "string";
}
