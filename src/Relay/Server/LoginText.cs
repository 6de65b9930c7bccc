using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>The text a node signs with EIP-191 to log in (docs/relay.md): it names the relay, so a signature is good at one relay only.</summary>
public static class LoginText
{
    public static string For(string serverName, Address address, Hash256 challenge) =>
        $"Photon relay login\nrelay: {serverName}\naddress: {address}\nchallenge: {challenge}";
}
