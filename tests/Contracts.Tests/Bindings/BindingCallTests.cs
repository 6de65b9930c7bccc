using System.Collections;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using static Photon.Contracts.Tests.Bindings.Samples;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// Every <c>Encode…</c> of the bindings gives exactly the call data that solc's ABI of the interface
/// gives for the same values, and that call data decodes back to them; every <c>Decode…</c> reads
/// return data encoded with solc's ABI into the typed result. The case lists must cover every
/// function of each interface.
/// </summary>
public sealed class BindingCallTests
{
    private static readonly byte[] Proof = Bytes(64, 3);
    private static readonly byte[] Data = TokenNetworkContract.EncodeDepositData(A(7), A(8), U(9));

    public static IEnumerable<object[]> Contracts() => [["ISecretRegistry"], ["ITokenNetworkRegistry"], ["ITokenNetwork"]];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Every_function_encodes_as_the_interface_ABI_does_and_decodes_back(string name)
    {
        var abi = (await InterfaceCompilation.CompileAsync())[name].Abi;
        var cases = Calls(name);

        Assert.Equal(abi.Functions.Select(f => f.Name).Order(), cases.Select(c => c.Function).Order());
        foreach (var (function, encoded, arguments) in cases)
        {
            var reference = abi.GetFunction(function);
            var canonical = arguments.Select(Canonical).ToArray();
            Assert.True(
                reference.EncodeCall(canonical).AsSpan().SequenceEqual(encoded),
                $"{function}: expected {Hex.Encode(reference.EncodeCall(canonical))}, got {Hex.Encode(encoded)}");
            Assert.Equal(new AbiValues(reference.Inputs, canonical), reference.DecodeInput(encoded));
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Every_return_value_decodes_into_its_typed_result(string name)
    {
        var abi = (await InterfaceCompilation.CompileAsync())[name].Abi;
        var cases = Returns(name);

        Assert.Equal(abi.Functions.Where(f => f.Outputs.Count > 0).Select(f => f.Name).Order(), cases.Select(c => c.Function).Order());
        foreach (var (function, outputs, decode, expected) in cases)
        {
            var returnData = abi.GetFunction(function).EncodeOutput([.. outputs.Select(Canonical)]);
            Assert.Equal(expected, decode(returnData));
        }
    }

    [Fact]
    public void Channel_info_decodes_each_state_and_refuses_a_state_beyond_settled()
    {
        var function = TokenNetworkAbi.GetChannelInfoFunction;
        foreach (var state in Enum.GetValues<ChannelState>())
            Assert.Equal(state, TokenNetworkContract.DecodeGetChannelInfo(function.EncodeOutput((byte)state, U(1), U(2), A(1), A(2))).State);

        var e = Assert.Throws<AbiException>(() => TokenNetworkContract.DecodeGetChannelInfo(function.EncodeOutput((byte)4, U(1), U(2), A(1), A(2))));
        Assert.Contains("state 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_data_that_is_short_or_empty_is_refused_as_malformed()
    {
        var full = TokenNetworkAbi.GetParticipantInfoFunction.EncodeOutput(U(1), U(2), H(3), U(4), true);

        Assert.Throws<AbiException>(() => TokenNetworkContract.DecodeGetParticipantInfo(full.AsSpan(0, full.Length - 1)));
        Assert.Throws<AbiException>(() => TokenNetworkContract.DecodeGetChannelIdentifier([]));
        var notABool = new byte[32];
        notABool[31] = 2;
        Assert.Throws<AbiException>(() => SecretRegistryContract.DecodeRegisterSecret(notABool));
    }

    [Fact]
    public void Closing_without_a_partner_proof_sends_an_empty_signature()
    {
        var data = TokenNetworkContract.EncodeCloseChannel(U(1), A(2), Hash256.Zero, UInt256.Zero, Hash256.Zero, null);

        var values = TokenNetworkAbi.CloseChannelFunction.DecodeInput(data);
        Assert.Empty(values.GetBytes("nonClosingSignature"));
        Assert.Equal(UInt256.Zero, values.GetUInt256("nonce"));
    }

    [Fact]
    public void Deposit_data_is_the_abi_encoding_of_participant_partner_and_settle_timeout()
    {
        var decoded = AbiCodec.Decode([AbiType.Address, AbiType.Address, AbiType.UInt256], Data);

        Assert.Equal(96, Data.Length);
        Assert.Equal([A(7), A(8), U(9)], decoded);
    }

    [Fact]
    public void Binary_arguments_must_be_given()
    {
        Assert.Throws<ArgumentNullException>(() => TokenNetworkContract.EncodeUnlock(U(1), A(1), U(2), U(3), U(4), H(1), null!));
        Assert.Throws<ArgumentNullException>(() => TokenNetworkContract.EncodeTokenFallback(A(1), U(1), null!));
        Assert.Throws<ArgumentNullException>(() => SecretRegistryContract.EncodeRegisterSecretBatch(null!));
    }

    private static List<(string Function, byte[] Encoded, object?[] Arguments)> Calls(string name) => name switch
    {
        "ISecretRegistry" =>
        [
            ("registerSecret", SecretRegistryContract.EncodeRegisterSecret(H(1)), [H(1)]),
            ("registerSecretBatch", SecretRegistryContract.EncodeRegisterSecretBatch([H(1), H(2), H(3)]), [new[] { H(1), H(2), H(3) }]),
            ("getSecretRevealBlockHeight", SecretRegistryContract.EncodeGetSecretRevealBlockHeight(H(4)), [H(4)]),
        ],
        "ITokenNetworkRegistry" =>
        [
            ("createTokenNetwork", TokenNetworkRegistryContract.EncodeCreateTokenNetwork(A(1)), [A(1)]),
            ("tokenToTokenNetwork", TokenNetworkRegistryContract.EncodeTokenToTokenNetwork(A(2)), [A(2)]),
            ("secretRegistry", TokenNetworkRegistryContract.EncodeSecretRegistry(), []),
            ("chainId", TokenNetworkRegistryContract.EncodeChainId(), []),
            ("settleTimeoutMin", TokenNetworkRegistryContract.EncodeSettleTimeoutMin(), []),
            ("settleTimeoutMax", TokenNetworkRegistryContract.EncodeSettleTimeoutMax(), []),
            ("punishWindow", TokenNetworkRegistryContract.EncodePunishWindow(), []),
        ],
        "ITokenNetwork" =>
        [
            ("openChannel", TokenNetworkContract.EncodeOpenChannel(A(1), A(2), U(3)), [A(1), A(2), U(3)]),
            ("openChannelWithDeposit", TokenNetworkContract.EncodeOpenChannelWithDeposit(A(1), A(2), U(3), U(4)), [A(1), A(2), U(3), U(4)]),
            ("setTotalDeposit", TokenNetworkContract.EncodeSetTotalDeposit(U(1), A(2), U(3), A(4)), [U(1), A(2), U(3), A(4)]),
            ("setTotalWithdraw", TokenNetworkContract.EncodeSetTotalWithdraw(U(1), A(2), U(3), U(4), S(5), S(6)), [U(1), A(2), U(3), U(4), S(5), S(6)]),
            ("cooperativeSettle", TokenNetworkContract.EncodeCooperativeSettle(U(1), A(2), U(3), A(4), U(5), S(6), S(7)), [U(1), A(2), U(3), A(4), U(5), S(6), S(7)]),
            ("closeChannel", TokenNetworkContract.EncodeCloseChannel(U(1), A(2), H(3), U(4), H(5), S(6)), [U(1), A(2), H(3), U(4), H(5), S(6)]),
            ("updateNonClosingBalanceProof", TokenNetworkContract.EncodeUpdateNonClosingBalanceProof(U(1), A(2), H(3), U(4), H(5), S(6)), [U(1), A(2), H(3), U(4), H(5), S(6)]),
            ("updateBalanceProofDelegate", TokenNetworkContract.EncodeUpdateBalanceProofDelegate(U(1), A(2), A(3), H(4), U(5), H(6), S(7), S(8), U(9)), [U(1), A(2), A(3), H(4), U(5), H(6), S(7), S(8), U(9)]),
            ("unlock", TokenNetworkContract.EncodeUnlock(U(1), A(2), U(3), U(4), U(5), H(6), Proof), [U(1), A(2), U(3), U(4), U(5), H(6), Proof]),
            ("unlockDelegate", TokenNetworkContract.EncodeUnlockDelegate(U(1), A(2), A(3), U(4), U(5), U(6), H(7), Proof, S(8)), [U(1), A(2), A(3), U(4), U(5), U(6), H(7), Proof, S(8)]),
            ("punishObsoleteUnlock", TokenNetworkContract.EncodePunishObsoleteUnlock(U(1), A(2), A(3), H(4), H(5), S(6)), [U(1), A(2), A(3), H(4), H(5), S(6)]),
            ("settleChannel", TokenNetworkContract.EncodeSettleChannel(U(1), A(2), U(3), H(4), A(5), U(6), H(7)), [U(1), A(2), U(3), H(4), A(5), U(6), H(7)]),
            ("tokenFallback", TokenNetworkContract.EncodeTokenFallback(A(1), U(2), Data), [A(1), U(2), Data]),
            ("receiveApproval", TokenNetworkContract.EncodeReceiveApproval(A(1), U(2), A(3), Data), [A(1), U(2), A(3), Data]),
            ("getChannelIdentifier", TokenNetworkContract.EncodeGetChannelIdentifier(A(1), A(2)), [A(1), A(2)]),
            ("getChannelInfo", TokenNetworkContract.EncodeGetChannelInfo(U(1)), [U(1)]),
            ("getParticipantInfo", TokenNetworkContract.EncodeGetParticipantInfo(U(1), A(2)), [U(1), A(2)]),
            ("isLockUnlocked", TokenNetworkContract.EncodeIsLockUnlocked(U(1), A(2), H(3)), [U(1), A(2), H(3)]),
            ("claimPayout", TokenNetworkContract.EncodeClaimPayout(A(1)), [A(1)]),
            ("claimPayoutTo", TokenNetworkContract.EncodeClaimPayoutTo(A(2)), [A(2)]),
            ("deferredPayout", TokenNetworkContract.EncodeDeferredPayout(A(1)), [A(1)]),
            ("token", TokenNetworkContract.EncodeToken(), []),
            ("secretRegistry", TokenNetworkContract.EncodeSecretRegistry(), []),
            ("chainId", TokenNetworkContract.EncodeChainId(), []),
            ("settleTimeoutMin", TokenNetworkContract.EncodeSettleTimeoutMin(), []),
            ("settleTimeoutMax", TokenNetworkContract.EncodeSettleTimeoutMax(), []),
            ("punishWindow", TokenNetworkContract.EncodePunishWindow(), []),
            ("channelCounter", TokenNetworkContract.EncodeChannelCounter(), []),
            ("domainSeparator", TokenNetworkContract.EncodeDomainSeparator(), []),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces"),
    };

    private static List<(string Function, object?[] Outputs, Func<byte[], object> Decode, object Expected)> Returns(string name) => name switch
    {
        "ISecretRegistry" =>
        [
            ("registerSecret", [true], d => SecretRegistryContract.DecodeRegisterSecret(d), true),
            ("getSecretRevealBlockHeight", [U(1)], d => SecretRegistryContract.DecodeGetSecretRevealBlockHeight(d), U(1)),
        ],
        "ITokenNetworkRegistry" =>
        [
            ("createTokenNetwork", [A(1)], d => TokenNetworkRegistryContract.DecodeCreateTokenNetwork(d), A(1)),
            ("tokenToTokenNetwork", [A(2)], d => TokenNetworkRegistryContract.DecodeTokenToTokenNetwork(d), A(2)),
            ("secretRegistry", [A(3)], d => TokenNetworkRegistryContract.DecodeSecretRegistry(d), A(3)),
            ("chainId", [U(4)], d => TokenNetworkRegistryContract.DecodeChainId(d), U(4)),
            ("settleTimeoutMin", [U(5)], d => TokenNetworkRegistryContract.DecodeSettleTimeoutMin(d), U(5)),
            ("settleTimeoutMax", [U(6)], d => TokenNetworkRegistryContract.DecodeSettleTimeoutMax(d), U(6)),
            ("punishWindow", [U(7)], d => TokenNetworkRegistryContract.DecodePunishWindow(d), U(7)),
        ],
        "ITokenNetwork" =>
        [
            ("openChannel", [U(1)], d => TokenNetworkContract.DecodeOpenChannel(d), U(1)),
            ("openChannelWithDeposit", [U(2)], d => TokenNetworkContract.DecodeOpenChannelWithDeposit(d), U(2)),
            ("tokenFallback", [true], d => TokenNetworkContract.DecodeTokenFallback(d), true),
            ("receiveApproval", [false], d => TokenNetworkContract.DecodeReceiveApproval(d), false),
            ("getChannelIdentifier", [U(3)], d => TokenNetworkContract.DecodeGetChannelIdentifier(d), U(3)),
            ("getChannelInfo", [(byte)2, U(4), U(5), A(6), A(7)], d => TokenNetworkContract.DecodeGetChannelInfo(d), new ChannelInfo(ChannelState.Closed, U(4), U(5), A(6), A(7))),
            ("getParticipantInfo", [U(1), U(2), H(3), U(4), true], d => TokenNetworkContract.DecodeGetParticipantInfo(d), new ParticipantInfo(U(1), U(2), H(3), U(4), true)),
            ("isLockUnlocked", [true], d => TokenNetworkContract.DecodeIsLockUnlocked(d), true),
            ("deferredPayout", [U(8)], d => TokenNetworkContract.DecodeDeferredPayout(d), U(8)),
            ("token", [A(9)], d => TokenNetworkContract.DecodeToken(d), A(9)),
            ("secretRegistry", [A(10)], d => TokenNetworkContract.DecodeSecretRegistry(d), A(10)),
            ("chainId", [U(11)], d => TokenNetworkContract.DecodeChainId(d), U(11)),
            ("settleTimeoutMin", [U(12)], d => TokenNetworkContract.DecodeSettleTimeoutMin(d), U(12)),
            ("settleTimeoutMax", [U(13)], d => TokenNetworkContract.DecodeSettleTimeoutMax(d), U(13)),
            ("punishWindow", [U(14)], d => TokenNetworkContract.DecodePunishWindow(d), U(14)),
            ("channelCounter", [U(15)], d => TokenNetworkContract.DecodeChannelCounter(d), U(15)),
            ("domainSeparator", [H(16)], d => TokenNetworkContract.DecodeDomainSeparator(d), H(16)),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces"),
    };

    // The forms the ABI decoder returns: bytes32 and signatures as byte[], arrays as object?[].
    private static object? Canonical(object? value) => value switch
    {
        Hash256 hash => hash.ToArray(),
        Signature signature => signature.ToBytes(),
        IEnumerable list and not byte[] and not string => list.Cast<object?>().Select(Canonical).ToArray(),
        _ => value,
    };
}
