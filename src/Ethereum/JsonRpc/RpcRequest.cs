namespace Photon.Ethereum.JsonRpc;

/// <summary>One call of a batch. Parameters are serialized with <see cref="JsonRpcClient.SerializerOptions"/>.</summary>
public sealed record RpcRequest(string Method, IReadOnlyList<object?> Parameters);
