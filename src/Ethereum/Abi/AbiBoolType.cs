namespace Photon.Ethereum.Abi;

/// <summary><c>bool</c>: the word 0 or 1. Values are <see cref="bool"/>.</summary>
public sealed class AbiBoolType : AbiType
{
    internal AbiBoolType()
    {
    }

    public override bool IsDynamic => false;

    public override int HeadSize => 32;

    public override bool IsElementary => true;

    public override string ToString() => "bool";
}
