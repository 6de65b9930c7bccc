namespace Photon.Protocol.Tests.OnChain;

/// <summary>The <see cref="ContractModel"/> refused a transaction, as the contract would revert it.</summary>
internal sealed class ContractRevertException(string error) : Exception($"reverted: {error}");
