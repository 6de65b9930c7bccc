// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";

/// @notice A hostile token for re-entrancy tests: once armed, its next `transfer` or `transferFrom`
/// first makes an arbitrary call (typically back into the TokenNetwork that is moving the tokens),
/// records how that call ended, and then transfers normally. The call is one-shot: the token
/// disarms before making it, so a call that re-enters the token cannot loop.
contract ReentrantToken is StandardToken {
    address public armedTarget;
    bytes public armedCallData;
    bool public armed;

    /// @notice How many armed calls were made, and how the last one ended.
    uint256 public armedCallCount;
    bool public lastCallSucceeded;
    /// @notice The return data of the last armed call: its revert data when it failed.
    bytes public lastCallReturnData;

    event Armed(address indexed target, bytes callData);
    event ArmedCallMade(address indexed target, bool success, bytes returnData);

    constructor() StandardToken("Photon Reentrant Test Token", "PRNT") {}

    /// @notice The next transfer or transferFrom first calls `target` with `callData`.
    function arm(address target, bytes calldata callData) external {
        armedTarget = target;
        armedCallData = callData;
        armed = true;
        emit Armed(target, callData);
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        _fireIfArmed();
        return super.transfer(to, value);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        _fireIfArmed();
        return super.transferFrom(from, to, value);
    }

    function _fireIfArmed() private {
        if (!armed) return;
        armed = false;
        address target = armedTarget;
        bytes memory callData = armedCallData;
        delete armedTarget;
        delete armedCallData;
        // Deliberately unchecked: the armed call's failure is data for the test, not a reason to stop.
        (bool success, bytes memory returnData) = target.call(callData);
        armedCallCount += 1;
        lastCallSucceeded = success;
        lastCallReturnData = returnData;
        emit ArmedCallMade(target, success, returnData);
    }
}
