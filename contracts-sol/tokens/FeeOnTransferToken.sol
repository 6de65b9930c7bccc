// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";

/// @notice A hostile token for accounting tests: every transfer burns a 1% fee (rounded down),
/// so the recipient gets less than the amount sent. A contract that credits the amount it asked
/// for instead of what arrived would owe more than it holds.
contract FeeOnTransferToken is StandardToken {
    /// @notice The fee in hundredths of the amount: 1 = 1%.
    uint256 public constant FEE_PERCENT = 1;

    constructor() StandardToken("Photon Fee-On-Transfer Test Token", "PFEE") {}

    function _transfer(address from, address to, uint256 value) internal override {
        // Checked on the whole amount first, so a short balance is reported as such and not as a short fee.
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        uint256 fee = value * FEE_PERCENT / 100;
        super._transfer(from, to, value - fee);
        _burn(from, fee);
    }
}
