using Photon.TestSupport;

namespace Photon.Contracts.Tests.Artifacts;

/// <summary>
/// A copy of the repository's contracts-sol in a temporary folder, with tools/node_modules beside it
/// linked to the real install (the compile script finds solc relative to itself), so the script
/// can be run on edited sources without touching the repository. Deleted on dispose.
/// </summary>
internal sealed class ContractsCopy : IDisposable
{
    private ContractsCopy(string root)
    {
        Root = root;
    }

    /// <summary>The folder that holds the copied contracts-sol and the tools link.</summary>
    public string Root { get; }

    public string ContractsDirectory => Path.Combine(Root, "contracts-sol");

    public string ArtifactsDirectory => Path.Combine(ContractsDirectory, "artifacts");

    public string Script => Path.Combine(ContractsDirectory, "compile.cjs");

    private string NodeModulesLink => Path.Combine(Root, "tools", "node_modules");

    private static readonly string[] NetworkContracts = ["SecretRegistry", "TokenNetworkRegistry", "TokenNetwork"];

    public static ContractsCopy Create()
    {
        var copy = new ContractsCopy(Directory.CreateTempSubdirectory("photon-contracts-").FullName);
        try
        {
            CopyDirectory(Path.Combine(RepoPaths.Root, "contracts-sol"), copy.ContractsDirectory);
            // The script, not the network, is under test here: without the network contracts
            // (most of the compile time, through viaIR) each run takes a second instead of many.
            // Committed_artifacts_match_the_sources compiles them on the repository itself.
            Directory.Delete(Path.Combine(copy.ContractsDirectory, "src"), recursive: true);
            foreach (var name in NetworkContracts)
                File.Delete(Path.Combine(copy.ArtifactsDirectory, name + ".json"));
            Directory.CreateDirectory(Path.Combine(copy.Root, "tools"));
            Directory.CreateSymbolicLink(copy.NodeModulesLink, RepoPaths.NodeModules);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>The path of a file given relative to the copied contracts-sol (forward slashes).</summary>
    public string PathOf(string relative) => Path.Combine(ContractsDirectory, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Replaces the one occurrence of <paramref name="old"/> in a copied file.</summary>
    public void Edit(string relative, string old, string replacement)
    {
        var text = Read(relative);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"'{old}' does not occur exactly once in {relative}");
        Write(relative, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length)));
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>Every artifact file of the copy, by file name, as bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Artifacts() =>
        Directory.GetFiles(ArtifactsDirectory, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    public Task<ProcessResult> CompileAsync(bool check) =>
        // Run from an unrelated folder: the script must find everything from its own location.
        CompileScript.RunAsync(Script, check, Path.GetTempPath());

    public void Dispose()
    {
        // Remove the link itself first, so that the recursive delete can never reach the real install.
        if (Directory.Exists(NodeModulesLink) || File.Exists(NodeModulesLink))
            File.Delete(NodeModulesLink);
        if (Directory.Exists(Root))
            Directory.Delete(Root, recursive: true);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source))
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
    }
}
