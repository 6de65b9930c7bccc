namespace Photon.TestSupport;

/// <summary>Where things are in the repository, found from the test binary's location.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder that holds Photon.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The npm tools folder (Anvil, solc, ethers, grpc-js) installed by tools/Tools.targets.</summary>
    public static string Tools => Path.Combine(Root, "tools");

    public static string NodeModules => Path.Combine(Tools, "node_modules");

    /// <summary>
    /// Test vectors from the Ethereum project's own suites (ethereum/tests), copied from the shared
    /// design folder into the repository so that any checkout can run them.
    /// </summary>
    public static string Vectors => Path.Combine(Root, "tests", "vectors");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Photon.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Photon.sln above {AppContext.BaseDirectory}");
    }
}
