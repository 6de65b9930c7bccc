using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>
/// Small contracts the tokens talk to, compiled for the tests: a receiver that records what an
/// ERC223 or ApproveAndCall token tells it and answers as told, and a target for the armed call of
/// the re-entrant token.
/// </summary>
internal static class TokenProbes
{
    public const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity 0.8.37;

        interface IAllowance {
            function allowance(address owner, address spender) external view returns (uint256);
        }

        contract ReceiverProbe {
            bool public accept;
            uint256 public calls;
            address public lastCaller;
            address public lastFrom;
            uint256 public lastValue;
            address public lastToken;
            bytes public lastData;
            uint256 public allowanceSeen;

            constructor(bool accept_) {
                accept = accept_;
            }

            function tokenFallback(address from, uint256 value, bytes calldata data) external returns (bool) {
                calls += 1;
                lastCaller = msg.sender;
                lastFrom = from;
                lastValue = value;
                lastData = data;
                return accept;
            }

            function receiveApproval(address from, uint256 value, address token, bytes calldata data) external returns (bool) {
                calls += 1;
                lastCaller = msg.sender;
                lastFrom = from;
                lastValue = value;
                lastToken = token;
                lastData = data;
                // What the token had approved when it called: approveAndCall must approve first.
                allowanceSeen = IAllowance(token).allowance(from, address(this));
                return accept;
            }
        }

        contract CallTarget {
            error Refused(uint256 code);

            uint256 public calls;
            address public lastCaller;

            function poke(uint256 x) external returns (uint256) {
                calls += 1;
                lastCaller = msg.sender;
                return x + 1;
            }

            function refuse(uint256 code) external pure {
                revert Refused(code);
            }
        }
        """;

    private static readonly SolidityCompilerOptions Options = new() { Optimize = true, EvmVersion = "cancun" };

    public static async Task<DeployedContract> DeployReceiverAsync(EthClient eth, bool accept) =>
        await DeployAsync(eth, "ReceiverProbe", accept);

    public static async Task<DeployedContract> DeployCallTargetAsync(EthClient eth) =>
        await DeployAsync(eth, "CallTarget");

    private static async Task<DeployedContract> DeployAsync(EthClient eth, string name, params object?[] arguments)
    {
        var compiled = (await SolidityCompiler.CompileAsync(Source, Options, "TokenProbes.sol"))[name];
        return await DeployedContract.DeployAsync(eth, compiled.Abi, compiled.DeploymentData(arguments), Dev.Deployer);
    }
}
