// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {StandardToken} from "./StandardToken.sol";

/// @notice A plain ERC20 with public minting: the well-behaved token that the dev network
/// (`photon devnet`) and most tests open channels in.
contract TestToken is StandardToken {
    constructor(string memory name_, string memory symbol_) StandardToken(name_, symbol_) {}
}
