// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TokenLedger} from "./TokenLedger.sol";

/// @notice A token shaped like USDT on mainnet: `transfer`, `transferFrom` and `approve` return
/// no data at all (not even a bool) and revert on failure. Real tokens do this, so the network
/// must accept an empty result as success while still refusing an explicit false.
contract NoReturnToken is TokenLedger {
    constructor() TokenLedger("Photon No-Return Test Token", "PNRT") {}

    function transfer(address to, uint256 value) external {
        _transfer(msg.sender, to, value);
    }

    function transferFrom(address from, address to, uint256 value) external {
        _spendAllowance(from, msg.sender, value);
        _transfer(from, to, value);
    }

    function approve(address spender, uint256 value) external {
        _approve(msg.sender, spender, value);
    }
}
