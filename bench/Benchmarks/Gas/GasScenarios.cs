using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Benchmarks.Gas;

/// <summary>
/// The transactions measured: each channel operation in a realistic sequence, on channels that are
/// not the first of their network (the counter and the network's token balance are already
/// non-zero) and between accounts that already hold tokens. The one-offs of a fresh network are
/// measured separately, first.
/// </summary>
internal static class GasScenarios
{
    public const string OpenChannel = "openChannel";
    public const string OpenChannelWithDeposit = "openChannelWithDeposit";
    public const string FirstDeposit = "setTotalDeposit (first of a side)";
    public const string LaterDeposit = "setTotalDeposit (later)";
    public const string Withdraw = "setTotalWithdraw";
    public const string CloseWithProof = "closeChannel (with a proof)";
    public const string CloseWithoutProof = "closeChannel (zero proof)";
    public const string Update = "updateNonClosingBalanceProof";
    public const string UpdateDelegate = "updateBalanceProofDelegate (reward ≠ 0)";
    public const string UnlockOne = "unlock (1 lock)";
    public const string UnlockOf32 = "unlock (a lock in a 32-lock tree)";
    public const string UnlockDelegate = "unlockDelegate (1 lock)";
    public const string Punish = "punishObsoleteUnlock";
    public const string Settle = "settleChannel (no monitor reward)";
    public const string SettleWithReward = "settleChannel (monitor reward)";
    public const string CooperativeSettle = "cooperativeSettle";
    public const string RegisterSecret = "registerSecret";
    public const string CreateTokenNetwork = "createTokenNetwork";

    public const string FirstOpen = "openChannel, first channel of a fresh network";
    public const string FirstTokensIn = "setTotalDeposit, first tokens into a fresh network";
    public const string FirstNetwork = "createTokenNetwork, first of the registry";

    /// <summary>Creates the networks and measures the one-offs of a fresh network; leaves the chain at steady state.</summary>
    public static async Task PrepareAsync(GasChain chain)
    {
        var (token, network) = await chain.CreateTokenNetworkAsync(FirstNetwork);
        chain.Use(token, network);
        await chain.CreateTokenNetworkAsync(CreateTokenNetwork);
        var (a, b) = (await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var id = await OpenAsync(chain, a, b, FirstOpen);
        await DepositAsync(chain, a, id, a, b, 100, FirstTokensIn, GasFloor.FirstDeposit);
    }

    public static async Task RunRoundAsync(GasChain chain)
    {
        await OpenDepositWithdrawCloseUpdateSettleAsync(chain);
        await CooperativeAsync(chain);
        await DelegatedAsync(chain);
        await UnlockAndPunishAsync(chain);
        await UnlockInLargeTreeAsync(chain);
        await UnlockDelegateAsync(chain);
    }

    private static async Task OpenDepositWithdrawCloseUpdateSettleAsync(GasChain chain)
    {
        var (a, b) = (await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var id = await OpenAsync(chain, a, b, OpenChannel);
        await DepositAsync(chain, a, id, a, b, 100, FirstDeposit, GasFloor.FirstDeposit);
        await DepositAsync(chain, a, id, a, b, 150, LaterDeposit, GasFloor.LaterDeposit);
        await DepositAsync(chain, b, id, b, a, 100);

        var expiration = new UInt256(await chain.HeadAsync() + 100);
        var withdraw = new WithdrawProof(id, a.Address, 20, expiration);
        await chain.SendAsync(
            a, chain.Network, TokenNetworkContract.EncodeSetTotalWithdraw(id, a.Address, 20, expiration, a.Sign(withdraw), b.Sign(withdraw)),
            Withdraw, GasFloor.Withdraw, signatures: 2);

        var (proofA, signatureA) = SignBalanceProof(a, id, 30, Hash256.Zero, 1);
        var (proofB, signatureB) = SignBalanceProof(b, id, 10, Hash256.Zero, 1);
        await chain.SendAsync(
            b, chain.Network, TokenNetworkContract.EncodeCloseChannel(id, a.Address, proofA.BalanceHash, proofA.Nonce, proofA.AdditionalHash, signatureA),
            CloseWithProof, GasFloor.CloseWithProof, signatures: 1);
        await chain.SendAsync(
            a, chain.Network, TokenNetworkContract.EncodeUpdateNonClosingBalanceProof(id, b.Address, proofB.BalanceHash, proofB.Nonce, proofB.AdditionalHash, signatureB),
            Update, GasFloor.Update, signatures: 1);
        await MineUntilSettleableAsync(chain);
        await chain.SendAsync(
            a, chain.Network, TokenNetworkContract.EncodeSettleChannel(id, a.Address, 30, Hash256.Zero, b.Address, 10, Hash256.Zero),
            Settle, GasFloor.Settle);
    }

    private static async Task CooperativeAsync(GasChain chain)
    {
        var (c, d) = (await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var data = TokenNetworkContract.EncodeOpenChannelWithDeposit(c.Address, d.Address, GasChain.SettleTimeout, 100);
        var receipt = await chain.SendAsync(c, chain.Network, data, OpenChannelWithDeposit, GasFloor.OpenChannelWithDeposit);
        var id = TokenNetworkContract.EventsOf(receipt, chain.Network).OfType<ChannelOpened>().Single().ChannelId;
        await DepositAsync(chain, d, id, d, c, 50);
        var proof = new CooperativeSettleProof(id, c.Address, 70, d.Address, 80);
        await chain.SendAsync(
            c, chain.Network, TokenNetworkContract.EncodeCooperativeSettle(id, c.Address, 70, d.Address, 80, c.Sign(proof), d.Sign(proof)),
            CooperativeSettle, GasFloor.CooperativeSettle, signatures: 2);
    }

    private static async Task DelegatedAsync(GasChain chain)
    {
        var (e, f, monitor) = (await chain.NewAccountAsync(), await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var id = await OpenAsync(chain, e, f);
        await DepositAsync(chain, e, id, e, f, 100);
        await DepositAsync(chain, f, id, f, e, 100);
        var (proofE, signatureE) = SignBalanceProof(e, id, 30, Hash256.Zero, 1);
        await chain.SendAsync(
            e, chain.Network, TokenNetworkContract.EncodeCloseChannel(id, f.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null),
            CloseWithoutProof, GasFloor.CloseWithoutProof);
        var delegation = new MonitorDelegation(id, proofE.BalanceHash, proofE.Nonce, proofE.AdditionalHash, monitor.Address, 5);
        await chain.SendAsync(
            monitor, chain.Network,
            TokenNetworkContract.EncodeUpdateBalanceProofDelegate(
                id, e.Address, f.Address, proofE.BalanceHash, proofE.Nonce, proofE.AdditionalHash, signatureE, f.Sign(delegation), delegation.Reward),
            UpdateDelegate, GasFloor.UpdateDelegate, signatures: 2);
        await MineUntilSettleableAsync(chain);
        await chain.SendAsync(
            monitor, chain.Network, TokenNetworkContract.EncodeSettleChannel(id, e.Address, 30, Hash256.Zero, f.Address, 0, Hash256.Zero),
            SettleWithReward, GasFloor.SettleWithReward);
    }

    private static async Task UnlockAndPunishAsync(GasChain chain)
    {
        var (payer, payee, revealer) = (await chain.NewAccountAsync(), await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var (id, locks, tree, secrets) = await ClosedWithLocksAsync(chain, payer, payee, 1);
        await chain.SendAsync(
            revealer, chain.Deployment.SecretRegistry, SecretRegistryContract.EncodeRegisterSecret(secrets[0]), RegisterSecret, GasFloor.RegisterSecret);
        var lockHash = locks[0].LockHash;
        await chain.SendAsync(
            payee, chain.Network,
            TokenNetworkContract.EncodeUnlock(id, payer.Address, 10, locks[0].Expiration, locks[0].Amount, locks[0].SecretHash, tree.ProofFor(0)),
            UnlockOne, GasFloor.Unlock);
        // The payee had given that lock up (signed Disposed) before unlocking it: the payer takes its share.
        var disposed = new DisposedProof(id, lockHash, Keccak(lockHash));
        await chain.SendAsync(
            payer, chain.Network,
            TokenNetworkContract.EncodePunishObsoleteUnlock(id, payer.Address, payee.Address, lockHash, disposed.AdditionalHash, payee.Sign(disposed)),
            Punish, GasFloor.Punish, signatures: 1);
    }

    private static async Task UnlockInLargeTreeAsync(GasChain chain)
    {
        var (payer, payee) = (await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var (id, locks, tree, secrets) = await ClosedWithLocksAsync(chain, payer, payee, 32);
        const int index = 13;
        await chain.SendAsync(payee, chain.Deployment.SecretRegistry, SecretRegistryContract.EncodeRegisterSecret(secrets[index]));
        var lockToUnlock = locks[index];
        await chain.SendAsync(
            payee, chain.Network,
            TokenNetworkContract.EncodeUnlock(id, payer.Address, 10, lockToUnlock.Expiration, lockToUnlock.Amount, lockToUnlock.SecretHash, tree.ProofFor(index)),
            UnlockOf32, GasFloor.Unlock);
    }

    private static async Task UnlockDelegateAsync(GasChain chain)
    {
        var (payer, payee, helper) = (await chain.NewAccountAsync(), await chain.NewAccountAsync(), await chain.NewAccountAsync());
        var (id, locks, tree, secrets) = await ClosedWithLocksAsync(chain, payer, payee, 1);
        await chain.SendAsync(helper, chain.Deployment.SecretRegistry, SecretRegistryContract.EncodeRegisterSecret(secrets[0]));
        var delegation = new UnlockDelegation(id, helper.Address, locks[0].LockHash);
        await chain.SendAsync(
            helper, chain.Network,
            TokenNetworkContract.EncodeUnlockDelegate(
                id, payer.Address, payee.Address, 10, locks[0].Expiration, locks[0].Amount, locks[0].SecretHash, tree.ProofFor(0), payee.Sign(delegation)),
            UnlockDelegate, GasFloor.Unlock, signatures: 1);
    }

    /// <summary>A channel the payee closed with the payer's proof: 10 transferred plus <paramref name="lockCount"/> pending locks.</summary>
    private static async Task<(UInt256 Id, HashTimeLock[] Locks, LocksMerkleTree Tree, Hash256[] Secrets)> ClosedWithLocksAsync(
        GasChain chain, GasAccount payer, GasAccount payee, int lockCount)
    {
        var id = await OpenAsync(chain, payer, payee);
        await DepositAsync(chain, payer, id, payer, payee, 1_000);
        var expiration = new UInt256(await chain.HeadAsync() + 1_000);
        var secrets = Enumerable.Range(0, lockCount).Select(_ => new Hash256(RandomBytes())).ToArray();
        var locks = secrets.Select((s, i) => new HashTimeLock(expiration, new UInt256((ulong)(i + 1)), SecretHash.Of(s))).ToArray();
        var tree = LocksMerkleTree.FromLocks(locks);
        var (proof, signature) = SignBalanceProof(payer, id, 10, tree.Root, 1);
        await chain.SendAsync(
            payee, chain.Network, TokenNetworkContract.EncodeCloseChannel(id, payer.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature));
        return (id, locks, tree, secrets);
    }

    private static async Task<UInt256> OpenAsync(GasChain chain, GasAccount opener, GasAccount partner, string? call = null)
    {
        var data = TokenNetworkContract.EncodeOpenChannel(opener.Address, partner.Address, GasChain.SettleTimeout);
        var receipt = await chain.SendAsync(opener, chain.Network, data, call, call is null ? null : GasFloor.OpenChannel);
        return TokenNetworkContract.EventsOf(receipt, chain.Network).OfType<ChannelOpened>().Single().ChannelId;
    }

    private static Task<TransactionReceipt> DepositAsync(
        GasChain chain, GasAccount sender, UInt256 id, GasAccount participant, GasAccount partner, ulong total, string? call = null, GasFloor? floor = null) =>
        chain.SendAsync(sender, chain.Network, TokenNetworkContract.EncodeSetTotalDeposit(id, participant.Address, total, partner.Address), call, floor);

    private static (BalanceProof Proof, Signature Signature) SignBalanceProof(GasAccount signer, UInt256 id, UInt256 transferred, Hash256 locksroot, ulong nonce)
    {
        var balanceHash = BalanceHash.Compute(transferred, locksroot);
        var proof = new BalanceProof(id, balanceHash, nonce, Keccak(balanceHash));
        return (proof, signer.Sign(proof));
    }

    private static async Task MineUntilSettleableAsync(GasChain chain) =>
        await chain.MineAsync(GasChain.SettleTimeout + chain.Deployment.Parameters.PunishWindow + 1);

    private static Hash256 Keccak(Hash256 value) => Photon.Ethereum.Crypto.Keccak256.Hash(value.ToArray());

    private static byte[] RandomBytes()
    {
        var bytes = new byte[32];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return bytes;
    }
}
