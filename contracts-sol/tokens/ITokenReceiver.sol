// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice What an ERC223 token calls on a contract that receives its tokens.
interface ITokenReceiver {
    /// @return accepted true to accept the tokens; anything else makes the transfer revert.
    function tokenFallback(address from, uint256 value, bytes calldata data) external returns (bool accepted);
}
