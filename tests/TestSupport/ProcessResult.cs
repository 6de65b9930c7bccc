namespace Photon.TestSupport;

/// <summary>How a child process run by <see cref="ProcessRunner"/> ended, and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
