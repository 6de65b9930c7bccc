namespace Photon.Ethereum.Eip712;

/// <summary>One member of an EIP-712 struct type: <c>{ "name": "wallet", "type": "address" }</c>.</summary>
public sealed record TypedDataField(string Name, string Type);
