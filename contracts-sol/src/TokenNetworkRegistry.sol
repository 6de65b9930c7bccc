// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ITokenNetworkRegistry} from "./interfaces/ITokenNetworkRegistry.sol";
import {TokenNetwork} from "./TokenNetwork.sol";

/// @notice Creates at most one TokenNetwork per token. The channel parameters are fixed here,
/// once, so every network of a deployment follows the same timing rules.
contract TokenNetworkRegistry is ITokenNetworkRegistry {
    address public immutable secretRegistry;
    uint256 public immutable chainId;
    uint256 public immutable settleTimeoutMin;
    uint256 public immutable settleTimeoutMax;
    uint256 public immutable punishWindow;

    mapping(address => address) public tokenToTokenNetwork;

    constructor(
        address secretRegistry_,
        uint256 chainId_,
        uint256 settleTimeoutMin_,
        uint256 settleTimeoutMax_,
        uint256 punishWindow_
    ) {
        if (secretRegistry_.code.length == 0) revert NotAContract(secretRegistry_);
        // Proofs are signed for one chain id; a registry configured for another chain would make
        // every proof signed by honest nodes unverifiable here.
        if (chainId_ != block.chainid) revert ChainIdMismatch(chainId_, block.chainid);
        // The network packs timeouts into 32 bits; a settle timeout of 0 would let a closer
        // settle before the partner can react.
        if (settleTimeoutMin_ == 0 || settleTimeoutMin_ > settleTimeoutMax_ || settleTimeoutMax_ > type(uint32).max) {
            revert InvalidSettleTimeoutBounds(settleTimeoutMin_, settleTimeoutMax_);
        }
        if (punishWindow_ == 0 || punishWindow_ > type(uint32).max) revert InvalidPunishWindow(punishWindow_);
        secretRegistry = secretRegistry_;
        chainId = chainId_;
        settleTimeoutMin = settleTimeoutMin_;
        settleTimeoutMax = settleTimeoutMax_;
        punishWindow = punishWindow_;
    }

    function createTokenNetwork(address token) external returns (address) {
        if (token.code.length == 0) revert NotAContract(token);
        address existing = tokenToTokenNetwork[token];
        if (existing != address(0)) revert TokenNetworkExists(token, existing);
        address tokenNetwork = address(
            new TokenNetwork(token, secretRegistry, chainId, settleTimeoutMin, settleTimeoutMax, punishWindow)
        );
        tokenToTokenNetwork[token] = tokenNetwork;
        emit TokenNetworkCreated(token, tokenNetwork);
        return tokenNetwork;
    }
}
