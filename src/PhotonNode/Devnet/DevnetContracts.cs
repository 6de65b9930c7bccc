using Photon.Contracts.Artifacts;
using Photon.Contracts.Deployment;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Runtime;

namespace Photon.Node.Devnet;

/// <summary>What <c>photon devnet</c> deployed: the Photon contracts and a test token.</summary>
public sealed record DevnetContracts(PhotonDeployment Deployment, Address Token)
{
    /// <summary>
    /// Deploys the secret registry and registry (dev parameters: short settle and punish windows), a
    /// <c>TestToken</c>, and mints <paramref name="mintEach"/> tokens to each of <paramref name="holders"/>.
    /// Account 0 of the test mnemonic pays for it all.
    /// </summary>
    public static async Task<DevnetContracts> DeployAsync(Uri rpcUrl, IReadOnlyList<Address> holders, UInt256 mintEach, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(holders);
        using var rpc = new JsonRpcClient(rpcUrl);
        var eth = new EthClient(rpc);
        using var deployer = PrivateKey.Parse(DevChain.AccountKeys[0]);
        var sender = new TransactionSender(eth, deployer, AnvilLauncher.ChainId);
        var deployment = await PhotonDeployer.DeployAsync(sender, DeploymentParameters.ForDevChain(AnvilLauncher.ChainId), ct).ConfigureAwait(false);
        var (token, _) = await PhotonDeployer.DeployAsync(sender, ContractArtifacts.TestToken, ["Devnet Token", "DEV"], ct).ConfigureAwait(false);
        var mint = ContractArtifacts.TestToken.Abi.GetFunction("mint");
        foreach (var holder in holders)
            await sender.SendAsync(token, mint.EncodeCall(holder, mintEach), ct: ct).ConfigureAwait(false);
        return new DevnetContracts(deployment, token);
    }
}
