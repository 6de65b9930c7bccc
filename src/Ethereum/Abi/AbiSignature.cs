using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Abi;

/// <summary>Canonical signatures (<c>name(type1,type2)</c>) and their hashes.</summary>
internal static class AbiSignature
{
    public static string Canonical(string name, IEnumerable<AbiParameter> parameters) =>
        name + "(" + string.Join(",", parameters.Select(p => p.Type.ToString())) + ")";

    public static byte[] Selector(string signature) => Keccak256.Hash(signature).ToArray()[..4];

    /// <summary>Refuses names that cannot appear in a Solidity signature.</summary>
    public static string CheckName(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length > 0
            && !char.IsAsciiDigit(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return valid ? name : throw new AbiException($"'{MessageText.Quote(name)}' is not a valid {what} name");
    }

    public static string Format(IEnumerable<AbiParameter> parameters) =>
        "(" + string.Join(", ", parameters) + ")";

    public static AbiStateMutability? Mutability(string word) => word switch
    {
        "nonpayable" => AbiStateMutability.NonPayable,
        "payable" => AbiStateMutability.Payable,
        "view" => AbiStateMutability.View,
        "pure" => AbiStateMutability.Pure,
        _ => null,
    };

    public static string Keyword(AbiStateMutability mutability) => mutability switch
    {
        AbiStateMutability.Payable => "payable",
        AbiStateMutability.View => "view",
        AbiStateMutability.Pure => "pure",
        _ => "nonpayable",
    };

    /// <summary>Reads the optional leading keyword and the name of a human-readable declaration.</summary>
    public static string ReadName(AbiTypeParser parser, string keyword)
    {
        var word = parser.ReadIdentifier($"a {keyword} name");
        return word == keyword ? parser.ReadIdentifier($"a {keyword} name") : word;
    }
}
