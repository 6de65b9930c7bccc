using Photon.TestSupport;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// The normative interfaces compiled by solc, under their names relative to contracts-sol/src (the
/// names their importers use), so the bindings can be checked against what the compiler makes of them.
/// </summary>
internal static class InterfaceCompilation
{
    public const string SecretRegistry = "interfaces/ISecretRegistry.sol";
    public const string TokenNetworkRegistry = "interfaces/ITokenNetworkRegistry.sol";
    public const string TokenNetwork = "interfaces/ITokenNetwork.sol";

    public static string SourceDirectory => Path.Combine(RepoPaths.Root, "contracts-sol", "src");

    public static Task<SolidityCompilation> CompileAsync() => SolidityCompiler.CompileAsync(Sources(SecretRegistry, TokenNetworkRegistry, TokenNetwork));

    /// <summary>The files' contents keyed by their names relative to contracts-sol/src.</summary>
    public static Dictionary<string, string> Sources(params string[] relativeNames) =>
        relativeNames.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(SourceDirectory, name)), StringComparer.Ordinal);
}
