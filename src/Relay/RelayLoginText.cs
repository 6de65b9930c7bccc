using Photon.Ethereum;

namespace Photon.Relay;

/// <summary>The text a node signs with EIP-191 to log in (docs/relay.md); naming the relay makes the signature good there only.</summary>
public static class RelayLoginText
{
    public static string For(string serverName, Address address, Hash256 challenge) =>
        $"Photon relay login\nrelay: {serverName}\naddress: {address}\nchallenge: {challenge}";
}
