// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Creates one TokenNetwork per token, all sharing one SecretRegistry and one set of
/// channel parameters (chain id, settle timeout bounds, punish window).
interface ITokenNetworkRegistry {
    event TokenNetworkCreated(address indexed token, address indexed tokenNetwork);

    error ChainIdMismatch(uint256 configured, uint256 actual);
    error InvalidSettleTimeoutBounds(uint256 settleTimeoutMin, uint256 settleTimeoutMax);
    error InvalidPunishWindow(uint256 punishWindow);
    error NotAContract(address account);
    error TokenNetworkExists(address token, address tokenNetwork);

    function createTokenNetwork(address token) external returns (address);

    function tokenToTokenNetwork(address token) external view returns (address);
    function secretRegistry() external view returns (address);
    function chainId() external view returns (uint256);
    function settleTimeoutMin() external view returns (uint256);
    function settleTimeoutMax() external view returns (uint256);
    function punishWindow() external view returns (uint256);
}
