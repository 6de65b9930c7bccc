namespace Photon.Ethereum.Abi;

/// <summary>Whether a function reads or changes state and accepts ether, from the JSON ABI's <c>stateMutability</c>.</summary>
public enum AbiStateMutability
{
    NonPayable,
    Payable,
    View,
    Pure,
}
