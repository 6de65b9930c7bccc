namespace Photon.Node.Cli;

/// <summary>A refusal of command input that no lower layer makes, e.g. two different passwords at the prompt.</summary>
internal sealed class CliInputException(string message) : Exception(message);
