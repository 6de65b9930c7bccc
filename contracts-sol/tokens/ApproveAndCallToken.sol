// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";
import {IApprovalReceiver} from "./IApprovalReceiver.sol";

/// @notice An ERC20 with `approveAndCall`: approve a spender and tell it in the same transaction,
/// which lets a TokenNetwork open a channel and pull a deposit in one step.
contract ApproveAndCallToken is StandardToken {
    /// @notice The spender did not return true from receiveApproval.
    error ReceiveApprovalRejected(address spender);

    constructor() StandardToken("Photon ApproveAndCall Test Token", "PAAC") {}

    /// @notice Sets the allowance of `spender` to `value`, then calls
    /// `spender.receiveApproval(msg.sender, value, address(this), data)`, reverting unless it returns true.
    function approveAndCall(address spender, uint256 value, bytes calldata data) external returns (bool) {
        _approve(msg.sender, spender, value);
        if (!IApprovalReceiver(spender).receiveApproval(msg.sender, value, address(this), data)) {
            revert ReceiveApprovalRejected(spender);
        }
        return true;
    }
}
