using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>The Anvil dev accounts by role in the token tests.</summary>
internal static class Dev
{
    public static Address Deployer => AnvilDevAccounts.Addresses[0];

    public static Address Alice => AnvilDevAccounts.Addresses[1];

    public static Address Bob => AnvilDevAccounts.Addresses[2];

    public static Address Carol => AnvilDevAccounts.Addresses[3];
}
