using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Bindings;

/// <summary>
/// One of our contracts refused a call with one of its declared custom errors
/// (<c>ChannelNotOpened(channelId)</c>, <c>NonceNotIncreasing(stored, given)</c>, …), seen either
/// when a call or gas estimation reverted (<see cref="ExecutionRevertedException"/>) or when a mined
/// transaction failed and its replay named the error (<see cref="TransactionFailedException"/>);
/// that original is the <see cref="Exception.InnerException"/>. Reverts without one of these
/// errors (Error(string), panics, no data) are left as they were.
/// </summary>
public sealed class ContractErrorException : Exception
{
    public ContractErrorException(string contractName, Address contract, AbiError error, AbiValues arguments, Exception innerException)
        : base(
            $"{contractName ?? throw new ArgumentNullException(nameof(contractName))} {contract} refused the call: "
            + $"{(error ?? throw new ArgumentNullException(nameof(error))).Name}{arguments ?? throw new ArgumentNullException(nameof(arguments))}",
            innerException ?? throw new ArgumentNullException(nameof(innerException)))
    {
        ContractName = contractName;
        Contract = contract;
        Error = error;
        Arguments = arguments;
    }

    /// <summary>Which of our contracts: <c>TokenNetwork</c>, <c>TokenNetworkRegistry</c> or <c>SecretRegistry</c>.</summary>
    public string ContractName { get; }

    public Address Contract { get; }

    /// <summary>The error's name, e.g. <c>ChannelNotOpened</c>.</summary>
    public string ErrorName => Error.Name;

    public AbiError Error { get; }

    /// <summary>The error's arguments, by position or by their names in the interface.</summary>
    public AbiValues Arguments { get; }

    /// <summary>The receipt of the failed transaction; null when the call failed before it was sent.</summary>
    public TransactionReceipt? Receipt => (InnerException as TransactionFailedException)?.Receipt;
}
