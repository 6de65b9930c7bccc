namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// What <see cref="LoopbackHttpServer"/> answers: a status, a body and extra headers; <see cref="Chunked"/>
/// sends the body in chunked transfer encoding, without a Content-Length.
/// </summary>
internal sealed record LoopbackResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool Chunked { get; init; }

    public static LoopbackResponse Json(string body) => new(200, body);
}
