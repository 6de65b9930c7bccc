namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>What <see cref="LoopbackHttpServer"/> answers: a status, a body and extra headers.</summary>
internal sealed record LoopbackResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Json(string body) => new(200, body);
}
