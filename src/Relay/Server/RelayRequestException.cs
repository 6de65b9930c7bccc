using Microsoft.AspNetCore.Http;

namespace Photon.Relay.Server;

/// <summary>
/// A refused request: its status, a stable code for programs and a sentence for people
/// (<c>{ "error": code, "message": … }</c>). Thrown before any state changes, caught in one place.
/// </summary>
public sealed class RelayRequestException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>Seconds after which a 429 may be retried, sent as Retry-After.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static RelayRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, "bad_request", message);
    public static RelayRequestException Unauthorized(string message) => new(StatusCodes.Status401Unauthorized, "unauthorized", message);
    public static RelayRequestException NotFound(string code, string message) => new(StatusCodes.Status404NotFound, code, message);
    public static RelayRequestException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, "body_too_large", message);
}
