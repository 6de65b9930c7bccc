using System.Diagnostics;
using Photon.TestSupport;

namespace Photon.Node.Tests.Cli;

/// <summary>
/// The built <c>photon</c> run as a real child process, the way a user or a script runs it: what
/// reaches the real stdout, stderr and exit code (not the in-process writers of <see cref="CliRun"/>).
/// The program is the Photon.Node build copied next to this test assembly by the project reference.
/// </summary>
public sealed class PhotonProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Launchers => new() { "apphost", "dotnet" };

    [Theory]
    [MemberData(nameof(Launchers))]
    public async Task Keccak_of_empty_bytes_prints_the_hash_and_exits_0(string launcher)
    {
        var result = await RunAsync(launcher, "util", "keccak", "0x");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470" + Environment.NewLine, result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Invalid_private_key_prints_one_error_line_on_stderr_nothing_on_stdout_and_exits_1()
    {
        var result = await RunAsync("apphost", "util", "address", "--private-key", "0x00");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Equal(line + Environment.NewLine, result.StandardError);
    }

    [Fact]
    public async Task Verbose_logs_the_secp256k1_backend_once_on_stderr_and_keeps_stdout_clean()
    {
        var result = await RunAsync("apphost", "--verbose", "util", "address", "--private-key", "0x4646464646464646464646464646464646464646464646464646464646464646");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F" + Environment.NewLine, result.StandardOutput);
        // CI installs libsecp256k1, so the native backend is the one chosen.
        var line = Assert.Single(result.StandardError.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("info: secp256k1 backend: native libsecp256k1", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("util", "no-such-command")]
    public async Task Unknown_command_exits_2_with_one_error_line(params string[] args)
    {
        var result = await RunAsync("apphost", args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.StartsWith("error: ", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_child_that_outlives_its_timeout_is_killed()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => ProcessRunner.RunAsync("sleep", ["600"], TimeSpan.FromMilliseconds(300)));

        // No sleep started by this process is left: it was killed and reaped, not abandoned.
        Assert.DoesNotContain(Process.GetProcessesByName("sleep"), IsOurChild);
    }

    private static Task<ProcessResult> RunAsync(string launcher, params string[] args)
    {
        var directory = AppContext.BaseDirectory;
        var dll = Path.Combine(directory, "photon.dll");
        Assert.True(File.Exists(dll), $"photon.dll is not next to the tests in {directory}: the Photon.Node project reference should copy it");
        return launcher switch
        {
            "apphost" => ProcessRunner.RunAsync(AppHost(directory), args, Timeout, directory),
            "dotnet" => ProcessRunner.RunAsync(DotnetHost(), [dll, .. args], Timeout, directory),
            _ => throw new ArgumentOutOfRangeException(nameof(launcher), launcher, "apphost or dotnet"),
        };
    }

    private static string AppHost(string directory)
    {
        var path = Path.Combine(directory, OperatingSystem.IsWindows() ? "photon.exe" : "photon");
        Assert.True(File.Exists(path), $"the photon app host is not next to the tests in {directory}");
        return path;
    }

    /// <summary>The dotnet host running these tests (the SDK names it in DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }

    private static bool IsOurChild(Process process)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{process.Id}/status");
            var parent = status.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            return parent is not null && int.Parse(parent["PPid:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) == Environment.ProcessId;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked.
            return false;
        }
    }
}
