namespace Photon.Ethereum.JsonRpc;

/// <summary>An attempt failed with a transport error and the client will try again after <see cref="Delay"/>.</summary>
/// <param name="Method">The method called, or <c>batch[n]</c> for a batch of n requests.</param>
/// <param name="FailedAttempt">The number of the attempt that failed, starting at 1.</param>
/// <param name="Delay">The backoff before the next attempt.</param>
/// <param name="Failure">Why the attempt failed.</param>
public sealed record RpcRetryEvent(string Method, int FailedAttempt, TimeSpan Delay, Exception Failure);
