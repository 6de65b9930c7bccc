using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// What the three bindings share: one contract at one address, views through eth_call,
/// transactions through an optional <see cref="TransactionSender"/>, and the translation of the
/// contract's custom errors into <see cref="ContractErrorException"/>.
/// </summary>
internal sealed class BoundContract(string name, ContractAbi abi, EthClient eth, Address address, TransactionSender? sender)
{
    public string Name { get; } = name;

    public EthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    public Address Address { get; } = address;

    public TransactionSender? Sender { get; } = sender;

    /// <summary>
    /// Calls a view and decodes its outputs. Return data that is not a result of
    /// <paramref name="function"/> (none at all, from an address without code) is an
    /// <see cref="AbiException"/> naming the contract and the function.
    /// </summary>
    public async Task<T> CallAsync<T>(AbiFunction function, byte[] data, Func<byte[], T> decode, BlockParameter block, CancellationToken ct)
    {
        byte[] output;
        try
        {
            output = await Eth.CallAsync(new CallRequest { To = Address, Data = data }, block, ct).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (TryDecodeError(abi, e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(Name, Address, error.Error, error.Values, e);
        }
        try
        {
            return decode(output);
        }
        catch (AbiException e)
        {
            var hint = output.Length == 0 ? " (no return data: is there a contract at this address?)" : "";
            throw new AbiException($"{Name} {Address}: the return data of {function.Name} does not decode{hint}: {e.Message}", e);
        }
    }

    /// <summary>Sends a transaction and waits for its receipt.</summary>
    public async Task<TransactionReceipt> SendAsync(byte[] data, CancellationToken ct)
    {
        var transactionSender = Sender
            ?? throw new InvalidOperationException($"this {Name} binding has no TransactionSender: it can only read (pass one to its constructor to send transactions)");
        try
        {
            return await transactionSender.SendAsync(Address, data, ct: ct).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (TryDecodeError(abi, e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(Name, Address, error.Error, error.Values, e);
        }
        catch (TransactionFailedException e) when (TryDecodeError(abi, e.RevertData.Span) is { } error)
        {
            throw new ContractErrorException(Name, Address, error.Error, error.Values, e);
        }
    }

    /// <summary>
    /// The declared custom error whose selector starts <paramref name="revertData"/>, decoded; null
    /// for anything else (Error(string) and Panic included) and for arguments that do not decode.
    /// </summary>
    public static AbiDecodedError? TryDecodeError(ContractAbi abi, ReadOnlySpan<byte> revertData)
    {
        var error = abi.FindError(revertData);
        if (error is null || ReferenceEquals(error, AbiError.ErrorString) || ReferenceEquals(error, AbiError.Panic))
            return null;
        try
        {
            return new AbiDecodedError(error, error.Decode(revertData));
        }
        catch (AbiException)
        {
            return null;
        }
    }

    /// <summary>
    /// Decodes a log of one of <paramref name="abi"/>'s events with <paramref name="create"/> and
    /// stamps it with the log's location; null when topic 0 is none of them or the log does not
    /// decode as that event (any contract can emit a log with our topic 0).
    /// </summary>
    public static T? TryDecodeLog<T>(ContractAbi abi, Log log, Func<AbiEvent, AbiValues, T> create)
        where T : ContractEvent
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count == 0 || abi.FindEvent(log.Topics[0]) is not { } abiEvent)
            return null;
        AbiValues values;
        try
        {
            values = abiEvent.Decode(log.Topics, log.Data.Span);
        }
        catch (AbiException)
        {
            return null;
        }
        return create(abiEvent, values) with
        {
            Contract = log.Address,
            BlockNumber = log.BlockNumber,
            BlockHash = log.BlockHash,
            TransactionHash = log.TransactionHash,
            LogIndex = log.LogIndex,
        };
    }

    /// <summary>The decodable events that <paramref name="contract"/> emitted in a transaction, in log order.</summary>
    public static IReadOnlyList<T> EventsOf<T>(TransactionReceipt receipt, Address contract, Func<Log, T?> tryDecode)
        where T : ContractEvent
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return [.. receipt.Logs.Where(l => l.Address == contract).Select(tryDecode).OfType<T>()];
    }

    /// <summary>The events of this contract in a block range (eth_getLogs filtered by address and by the ABI's event topics).</summary>
    public async Task<IReadOnlyList<T>> GetEventsAsync<T>(BlockParameter fromBlock, BlockParameter toBlock, Func<Log, T?> tryDecode, CancellationToken ct)
        where T : ContractEvent
    {
        var filter = new LogFilter
        {
            FromBlock = fromBlock,
            ToBlock = toBlock,
            Addresses = [Address],
            Topics = [[.. abi.Events.Select(e => e.Topic0)]],
        };
        var logs = await Eth.GetLogsAsync(filter, ct).ConfigureAwait(false);
        return [.. logs.Select(tryDecode).OfType<T>()];
    }
}
