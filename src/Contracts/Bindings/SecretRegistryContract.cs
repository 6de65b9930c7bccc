using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// Typed binding of the SecretRegistry (<see cref="SecretRegistryAbi"/>). Every function has a static
/// <c>Encode…</c> for its call data (for a sender that submits later) and, when it returns values,
/// a static <c>Decode…</c> of its return data. Transactions need the <see cref="TransactionSender"/>
/// given at construction; without one the binding only reads.
/// </summary>
public sealed class SecretRegistryContract
{
    public const string ContractName = "SecretRegistry";

    private readonly BoundContract _contract;

    public SecretRegistryContract(EthClient eth, Address address, TransactionSender? sender = null)
    {
        _contract = new BoundContract(ContractName, SecretRegistryAbi.Abi, eth, address, sender);
    }

    public static ContractAbi Abi => SecretRegistryAbi.Abi;

    public Address Address => _contract.Address;

    public EthClient Eth => _contract.Eth;

    public TransactionSender? Sender => _contract.Sender;

    // ----- registerSecret -----

    public static byte[] EncodeRegisterSecret(Hash256 secret) => SecretRegistryAbi.RegisterSecretFunction.EncodeCall(secret);

    /// <summary>True when the secret was new; false (nothing changed) when it was registered before.</summary>
    public static bool DecodeRegisterSecret(ReadOnlySpan<byte> returnData) =>
        SecretRegistryAbi.RegisterSecretFunction.DecodeOutput(returnData).GetBool(0);

    /// <summary>Registers <paramref name="secret"/> (its hash is <c>sha256(secret)</c>); a secret registered before changes nothing.</summary>
    public Task<TransactionReceipt> RegisterSecretAsync(Hash256 secret, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeRegisterSecret(secret), ct);

    // ----- registerSecretBatch -----

    public static byte[] EncodeRegisterSecretBatch(IReadOnlyList<Hash256> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return SecretRegistryAbi.RegisterSecretBatchFunction.EncodeCall(secrets.ToArray());
    }

    public Task<TransactionReceipt> RegisterSecretBatchAsync(IReadOnlyList<Hash256> secrets, CancellationToken ct = default) =>
        _contract.SendAsync(EncodeRegisterSecretBatch(secrets), ct);

    // ----- getSecretRevealBlockHeight -----

    public static byte[] EncodeGetSecretRevealBlockHeight(Hash256 secretHash) =>
        SecretRegistryAbi.GetSecretRevealBlockHeightFunction.EncodeCall(secretHash);

    public static UInt256 DecodeGetSecretRevealBlockHeight(ReadOnlySpan<byte> returnData) =>
        SecretRegistryAbi.GetSecretRevealBlockHeightFunction.DecodeOutput(returnData).GetUInt256(0);

    /// <summary>The block at which the secret of <paramref name="secretHash"/> (a sha256) was registered, or 0 when never.</summary>
    public Task<UInt256> GetSecretRevealBlockHeightAsync(Hash256 secretHash, BlockParameter block = default, CancellationToken ct = default) =>
        _contract.CallAsync(
            SecretRegistryAbi.GetSecretRevealBlockHeightFunction,
            EncodeGetSecretRevealBlockHeight(secretHash),
            d => DecodeGetSecretRevealBlockHeight(d),
            block,
            ct);

    // ----- events -----

    /// <summary>The event of a log by its topic 0; null for a log of no SecretRegistry event (or one that does not decode as it).</summary>
    public static SecretRegistryEvent? TryDecode(Log log) =>
        BoundContract.TryDecodeLog<SecretRegistryEvent>(SecretRegistryAbi.Abi, log, (e, v) => e.Name switch
        {
            nameof(SecretRevealed) => new SecretRevealed(v.GetHash256("secretHash"), v.GetHash256("secret")),
            _ => throw UnboundEvent(e),
        });

    /// <summary>The events this registry emitted in a transaction, in log order.</summary>
    public IReadOnlyList<SecretRegistryEvent> EventsOf(TransactionReceipt receipt) => EventsOf(receipt, Address);

    /// <summary>The events the SecretRegistry at <paramref name="secretRegistry"/> emitted in a transaction, in log order.</summary>
    public static IReadOnlyList<SecretRegistryEvent> EventsOf(TransactionReceipt receipt, Address secretRegistry) =>
        BoundContract.EventsOf(receipt, secretRegistry, TryDecode);

    /// <summary>This registry's events in a block range.</summary>
    public Task<IReadOnlyList<SecretRegistryEvent>> GetEventsAsync(BlockParameter fromBlock, BlockParameter toBlock, CancellationToken ct = default) =>
        _contract.GetEventsAsync(fromBlock, toBlock, TryDecode, ct);

    // ----- errors -----

    /// <summary>The SecretRegistry declares no custom errors: always null, kept for symmetry with the other bindings.</summary>
    public static AbiDecodedError? TryDecodeError(ReadOnlySpan<byte> revertData) => BoundContract.TryDecodeError(SecretRegistryAbi.Abi, revertData);

    private static InvalidOperationException UnboundEvent(AbiEvent e) => new($"{ContractName} event {e.Signature} has no typed record");
}
