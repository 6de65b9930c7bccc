using System.Text.Json;

namespace Photon.Ethereum.Eip712;

/// <summary>
/// An <c>eth_signTypedData_v4</c> document: struct <see cref="Types"/>, the <see cref="PrimaryType"/>
/// of <see cref="Message"/>, and the <see cref="Domain"/>. Parsing checks the shape and every type
/// reference; <see cref="Hash"/> gives the digest a wallet signs.
/// </summary>
public sealed class TypedData
{
    private TypedData(TypedDataTypes types, string primaryType, JsonElement domain, JsonElement message)
    {
        Types = types;
        PrimaryType = primaryType;
        Domain = domain;
        Message = message;
    }

    public TypedDataTypes Types { get; }

    public string PrimaryType { get; }

    public JsonElement Domain { get; }

    public JsonElement Message { get; }

    public static TypedData Parse(string json)
    {
        var root = JsonRead.Parse(json, (message, inner) => new TypedDataException($"typed data is {message}", inner));
        if (root.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("typed data is a JSON object with types, primaryType, domain and message");
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("types" or "primaryType" or "domain" or "message"))
                throw new TypedDataException($"unexpected typed data field '{MessageText.Quote(property.Name)}'");
        }
        var types = TypedDataTypes.Parse(Required(root, "types"));
        var primaryType = JsonRead.String(Required(root, "primaryType"), (message, inner) => new TypedDataException($"primaryType: {message}", inner));
        if (primaryType != TypedDataTypes.DomainTypeName && !types.Contains(primaryType))
            throw new TypedDataException($"primaryType '{MessageText.Quote(primaryType)}' is not defined in types");
        return new TypedData(types, primaryType, Required(root, "domain"), Required(root, "message"));
    }

    /// <summary>hashStruct(EIP712Domain, domain), with the domain type given or inferred from the fields present.</summary>
    public Hash256 DomainSeparator() => Types.HashDomain(Domain);

    /// <summary>The digest to sign: keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)).</summary>
    public Hash256 Hash() =>
        PrimaryType == TypedDataTypes.DomainTypeName
            ? Eip712Digest.Compute(DomainSeparator(), null)
            : Eip712Digest.Compute(DomainSeparator(), Types.HashStruct(PrimaryType, Message));

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw new TypedDataException($"typed data has no '{name}'");
}
