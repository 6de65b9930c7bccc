using Photon.Ethereum.Abi;

namespace Photon.Contracts.Bindings;

/// <summary>
/// The ABI of <c>ITokenNetworkRegistry</c> (contracts-sol/src/interfaces/ITokenNetworkRegistry.sol),
/// declared here member by member; a test compiles the interface and checks the two are identical.
/// </summary>
public static class TokenNetworkRegistryAbi
{
    public static readonly AbiFunction CreateTokenNetworkFunction =
        AbiFunction.Parse("function createTokenNetwork(address token) external returns (address)");

    public static readonly AbiFunction TokenToTokenNetworkFunction =
        AbiFunction.Parse("function tokenToTokenNetwork(address token) external view returns (address)");

    public static readonly AbiFunction SecretRegistryFunction =
        AbiFunction.Parse("function secretRegistry() external view returns (address)");

    public static readonly AbiFunction ChainIdFunction =
        AbiFunction.Parse("function chainId() external view returns (uint256)");

    public static readonly AbiFunction SettleTimeoutMinFunction =
        AbiFunction.Parse("function settleTimeoutMin() external view returns (uint256)");

    public static readonly AbiFunction SettleTimeoutMaxFunction =
        AbiFunction.Parse("function settleTimeoutMax() external view returns (uint256)");

    public static readonly AbiFunction PunishWindowFunction =
        AbiFunction.Parse("function punishWindow() external view returns (uint256)");

    public static readonly AbiEvent TokenNetworkCreatedEvent =
        AbiEvent.Parse("event TokenNetworkCreated(address indexed token, address indexed tokenNetwork)");

    public static readonly AbiError ChainIdMismatchError = AbiError.Parse("error ChainIdMismatch(uint256 configured, uint256 actual)");

    public static readonly AbiError InvalidSettleTimeoutBoundsError =
        AbiError.Parse("error InvalidSettleTimeoutBounds(uint256 settleTimeoutMin, uint256 settleTimeoutMax)");

    public static readonly AbiError InvalidPunishWindowError = AbiError.Parse("error InvalidPunishWindow(uint256 punishWindow)");

    public static readonly AbiError NotAContractError = AbiError.Parse("error NotAContract(address account)");

    public static readonly AbiError TokenNetworkExistsError = AbiError.Parse("error TokenNetworkExists(address token, address tokenNetwork)");

    /// <summary>Every member above (declared last: static fields initialise in order).</summary>
    public static readonly ContractAbi Abi = new(
        [
            CreateTokenNetworkFunction, TokenToTokenNetworkFunction, SecretRegistryFunction, ChainIdFunction,
            SettleTimeoutMinFunction, SettleTimeoutMaxFunction, PunishWindowFunction,
        ],
        [TokenNetworkCreatedEvent],
        [ChainIdMismatchError, InvalidSettleTimeoutBoundsError, InvalidPunishWindowError, NotAContractError, TokenNetworkExistsError]);
}
