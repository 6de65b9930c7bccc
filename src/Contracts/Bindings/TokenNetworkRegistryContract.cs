using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// Typed binding of the TokenNetworkRegistry (<see cref="TokenNetworkRegistryAbi"/>). Every function
/// has a static <c>Encode…</c> for its call data and a static <c>Decode…</c> of its return data.
/// Reverts with one of the registry's custom errors surface as <see cref="ContractErrorException"/>.
/// Transactions need the <see cref="TransactionSender"/> given at construction.
/// </summary>
public sealed class TokenNetworkRegistryContract
{
    public const string ContractName = "TokenNetworkRegistry";

    private readonly BoundContract _contract;

    public TokenNetworkRegistryContract(EthClient eth, Address address, TransactionSender? sender = null)
    {
        _contract = new BoundContract(ContractName, TokenNetworkRegistryAbi.Abi, eth, address, sender);
    }

    public static ContractAbi Abi => TokenNetworkRegistryAbi.Abi;

    public Address Address => _contract.Address;

    public EthClient Eth => _contract.Eth;

    public TransactionSender? Sender => _contract.Sender;

    // ----- createTokenNetwork -----

    public static byte[] EncodeCreateTokenNetwork(Address token) => TokenNetworkRegistryAbi.CreateTokenNetworkFunction.EncodeCall(token);

    /// <summary>The address of the new TokenNetwork.</summary>
    public static Address DecodeCreateTokenNetwork(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.CreateTokenNetworkFunction.DecodeOutput(returnData).GetAddress(0);

    /// <summary>Creates the TokenNetwork of <paramref name="token"/>; its address is in the receipt's <see cref="TokenNetworkCreated"/> event.</summary>
    public Task<TransactionReceipt> CreateTokenNetworkAsync(Address token, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeCreateTokenNetwork(token), ct);

    // ----- views -----

    public static byte[] EncodeTokenToTokenNetwork(Address token) => TokenNetworkRegistryAbi.TokenToTokenNetworkFunction.EncodeCall(token);

    public static Address DecodeTokenToTokenNetwork(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.TokenToTokenNetworkFunction.DecodeOutput(returnData).GetAddress(0);

    /// <summary>The TokenNetwork of <paramref name="token"/>, or <see cref="Address.Zero"/> when it has none.</summary>
    public Task<Address> TokenToTokenNetworkAsync(Address token, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            TokenNetworkRegistryAbi.TokenToTokenNetworkFunction,
            EncodeTokenToTokenNetwork(token),
            d => DecodeTokenToTokenNetwork(d),
            block,
            ct);

    public static byte[] EncodeSecretRegistry() => TokenNetworkRegistryAbi.SecretRegistryFunction.EncodeCall();

    public static Address DecodeSecretRegistry(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.SecretRegistryFunction.DecodeOutput(returnData).GetAddress(0);

    public Task<Address> SecretRegistryAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkRegistryAbi.SecretRegistryFunction, EncodeSecretRegistry(), d => DecodeSecretRegistry(d), block, ct);

    public static byte[] EncodeChainId() => TokenNetworkRegistryAbi.ChainIdFunction.EncodeCall();

    public static UInt256 DecodeChainId(ReadOnlySpan<byte> returnData) => TokenNetworkRegistryAbi.ChainIdFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> ChainIdAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkRegistryAbi.ChainIdFunction, EncodeChainId(), d => DecodeChainId(d), block, ct);

    public static byte[] EncodeSettleTimeoutMin() => TokenNetworkRegistryAbi.SettleTimeoutMinFunction.EncodeCall();

    public static UInt256 DecodeSettleTimeoutMin(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.SettleTimeoutMinFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> SettleTimeoutMinAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkRegistryAbi.SettleTimeoutMinFunction, EncodeSettleTimeoutMin(), d => DecodeSettleTimeoutMin(d), block, ct);

    public static byte[] EncodeSettleTimeoutMax() => TokenNetworkRegistryAbi.SettleTimeoutMaxFunction.EncodeCall();

    public static UInt256 DecodeSettleTimeoutMax(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.SettleTimeoutMaxFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> SettleTimeoutMaxAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkRegistryAbi.SettleTimeoutMaxFunction, EncodeSettleTimeoutMax(), d => DecodeSettleTimeoutMax(d), block, ct);

    public static byte[] EncodePunishWindow() => TokenNetworkRegistryAbi.PunishWindowFunction.EncodeCall();

    public static UInt256 DecodePunishWindow(ReadOnlySpan<byte> returnData) =>
        TokenNetworkRegistryAbi.PunishWindowFunction.DecodeOutput(returnData).GetUInt256(0);

    public Task<UInt256> PunishWindowAsync(BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(TokenNetworkRegistryAbi.PunishWindowFunction, EncodePunishWindow(), d => DecodePunishWindow(d), block, ct);

    // ----- events -----

    /// <summary>The event of a log by its topic 0; null for a log of no registry event (or one that does not decode as it).</summary>
    public static TokenNetworkRegistryEvent? TryDecode(Log log) =>
        BoundContract.TryDecodeLog<TokenNetworkRegistryEvent>(TokenNetworkRegistryAbi.Abi, log, (e, v) => e.Name switch
        {
            nameof(TokenNetworkCreated) => new TokenNetworkCreated(v.GetAddress("token"), v.GetAddress("tokenNetwork")),
            _ => throw new InvalidOperationException($"{ContractName} event {e.Signature} has no typed record"),
        });

    /// <summary>The events this registry emitted in a transaction, in log order.</summary>
    public IReadOnlyList<TokenNetworkRegistryEvent> EventsOf(TransactionReceipt receipt) => EventsOf(receipt, Address);

    /// <summary>The events the registry at <paramref name="registry"/> emitted in a transaction, in log order.</summary>
    public static IReadOnlyList<TokenNetworkRegistryEvent> EventsOf(TransactionReceipt receipt, Address registry) =>
        BoundContract.EventsOf(receipt, registry, TryDecode);

    /// <summary>This registry's events in a block range.</summary>
    public Task<IReadOnlyList<TokenNetworkRegistryEvent>> GetEventsAsync(BlockParameter fromBlock, BlockParameter toBlock, CancellationToken ct = default) =>
        _contract.GetEventsAsync(fromBlock, toBlock, TryDecode, ct);

    // ----- errors -----

    /// <summary>One of the registry's custom errors decoded from revert data; null for any other data.</summary>
    public static AbiDecodedError? TryDecodeError(ReadOnlySpan<byte> revertData) => BoundContract.TryDecodeError(TokenNetworkRegistryAbi.Abi, revertData);
}
