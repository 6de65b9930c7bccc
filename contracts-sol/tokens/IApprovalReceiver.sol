// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice What an ApproveAndCall token calls on the spender right after approving it.
interface IApprovalReceiver {
    /// @return accepted true to accept; anything else makes approveAndCall revert.
    function receiveApproval(address from, uint256 value, address token, bytes calldata data) external returns (bool accepted);
}
