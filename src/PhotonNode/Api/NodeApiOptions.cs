namespace Photon.Node.Api;

/// <summary>Where the REST API listens and the bearer token it requires.</summary>
public sealed record NodeApiOptions(string Url, string Token);
