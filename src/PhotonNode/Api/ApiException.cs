using Photon.Node.Application;

namespace Photon.Node.Api;

/// <summary>A request the HTTP layer refuses itself (before the application sees it), with its status and code.</summary>
public sealed class ApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ApiException BadRequest(string code, string message) => new(400, code, message);

    /// <summary>The HTTP status of an application refusal (docs/node.md "REST API").</summary>
    public static int StatusOf(ApplicationErrorKind kind) => kind switch
    {
        ApplicationErrorKind.InvalidArgument => 400,
        ApplicationErrorKind.InsufficientBalance => 402,
        ApplicationErrorKind.NotFound => 404,
        ApplicationErrorKind.Conflict or ApplicationErrorKind.NoRoute or ApplicationErrorKind.PaymentFailed => 409,
        ApplicationErrorKind.ChainFailure => 502,
        _ => 503,
    };
}
