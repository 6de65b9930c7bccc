using Photon.Contracts.Proofs;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>
/// Each proof's EIP-712 primary type and members (name, Solidity type, value) in type-string order,
/// written out by hand from DESIGN.md §5: the tests rebuild type strings, ABI encodings, ethers
/// messages and contract calls from this table, independently of how the records hash themselves.
/// </summary>
internal static class ProofMembers
{
    public static (string PrimaryType, (string Name, string Type, object Value)[] Members) Of(SignedProof proof) => proof switch
    {
        BalanceProof p => ("BalanceProof",
        [
            ("channelId", "uint256", p.ChannelId), ("balanceHash", "bytes32", p.BalanceHash),
            ("nonce", "uint256", p.Nonce), ("additionalHash", "bytes32", p.AdditionalHash),
        ]),
        MonitorDelegation p => ("MonitorDelegation",
        [
            ("channelId", "uint256", p.ChannelId), ("balanceHash", "bytes32", p.BalanceHash),
            ("nonce", "uint256", p.Nonce), ("additionalHash", "bytes32", p.AdditionalHash),
            ("monitor", "address", p.Monitor), ("reward", "uint256", p.Reward),
        ]),
        WithdrawProof p => ("Withdraw",
        [
            ("channelId", "uint256", p.ChannelId), ("participant", "address", p.Participant),
            ("totalWithdraw", "uint256", p.TotalWithdraw), ("expirationBlock", "uint256", p.ExpirationBlock),
        ]),
        CooperativeSettleProof p => ("CooperativeSettle",
        [
            ("channelId", "uint256", p.ChannelId), ("participant1", "address", p.Participant1), ("balance1", "uint256", p.Balance1),
            ("participant2", "address", p.Participant2), ("balance2", "uint256", p.Balance2),
        ]),
        DisposedProof p => ("Disposed",
        [
            ("channelId", "uint256", p.ChannelId), ("lockHash", "bytes32", p.LockHash), ("additionalHash", "bytes32", p.AdditionalHash),
        ]),
        UnlockDelegation p => ("UnlockDelegation",
        [
            ("channelId", "uint256", p.ChannelId), ("delegate", "address", p.Delegate), ("lockHash", "bytes32", p.LockHash),
        ]),
        _ => throw new ArgumentException($"unknown proof type {proof.GetType().Name}", nameof(proof)),
    };

    /// <summary>The type string these members spell: <c>Name(type1 name1,type2 name2,…)</c>.</summary>
    public static string TypeString(SignedProof proof)
    {
        var (primary, members) = Of(proof);
        return $"{primary}({string.Join(",", members.Select(m => $"{m.Type} {m.Name}"))})";
    }
}
