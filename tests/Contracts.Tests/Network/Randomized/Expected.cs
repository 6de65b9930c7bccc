using Photon.Contracts.Bindings;
using Photon.Ethereum.Abi;

namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>What the model predicts for a transaction: acceptance, or one custom error with exact arguments.</summary>
internal sealed record Expected(string? Error, object?[] Arguments)
{
    public static readonly Expected Accept = new(null, []);

    public static Expected Refuse(string error, params object?[] arguments) => new(error, arguments);

    /// <summary>The predicted arguments as the ABI decodes them, comparable with a refusal's.</summary>
    public AbiValues DecodedArguments()
    {
        var error = TokenNetworkContract.Abi.GetError(Error ?? throw new InvalidOperationException("an acceptance has no error"));
        return error.Decode(error.Encode(Arguments));
    }

    public override string ToString() => Error is null ? "accepted" : $"{Error}{DecodedArguments()}";
}
