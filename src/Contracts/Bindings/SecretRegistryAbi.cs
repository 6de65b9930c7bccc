using Photon.Ethereum.Abi;

namespace Photon.Contracts.Bindings;

/// <summary>
/// The ABI of <c>ISecretRegistry</c> (contracts-sol/src/interfaces/ISecretRegistry.sol), declared
/// here member by member; a test compiles the interface and checks the two are identical.
/// </summary>
public static class SecretRegistryAbi
{
    public static readonly AbiFunction RegisterSecretFunction =
        AbiFunction.Parse("function registerSecret(bytes32 secret) external returns (bool)");

    public static readonly AbiFunction RegisterSecretBatchFunction =
        AbiFunction.Parse("function registerSecretBatch(bytes32[] calldata secrets) external");

    public static readonly AbiFunction GetSecretRevealBlockHeightFunction =
        AbiFunction.Parse("function getSecretRevealBlockHeight(bytes32 secretHash) external view returns (uint256)");

    public static readonly AbiEvent SecretRevealedEvent =
        AbiEvent.Parse("event SecretRevealed(bytes32 indexed secretHash, bytes32 secret)");

    /// <summary>Every member above (declared last: static fields initialise in order).</summary>
    public static readonly ContractAbi Abi = new(
        [RegisterSecretFunction, RegisterSecretBatchFunction, GetSecretRevealBlockHeightFunction],
        [SecretRevealedEvent],
        []);
}
