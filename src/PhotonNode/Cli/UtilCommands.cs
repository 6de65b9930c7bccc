using System.CommandLine;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Node.Cli;

/// <summary><c>photon util …</c>: developer utilities for scripting against a chain.</summary>
internal static class UtilCommands
{
    public static Command Create()
    {
        var util = new Command("util", "Developer utilities: hashing, keys, ABI, typed data, transactions, keystores.");
        util.Subcommands.Add(Keccak());
        return util;
    }

    private static Command Keccak()
    {
        var data = new Argument<string>("data") { Description = "0x-prefixed hex bytes to hash" };
        var command = new Command("keccak", "Keccak-256 of hex bytes.") { data };
        command.SetAction(parse => CliOutcome.Run(parse, () => Keccak256.Hash(Hex.Decode(parse.GetValue(data)!)).ToString()));
        return command;
    }
}
