namespace Photon.Ethereum.Abi;

/// <summary>A log matched to an event of a contract ABI, with its decoded values.</summary>
public sealed record AbiDecodedEvent(AbiEvent Event, AbiValues Values);

/// <summary>Revert data matched to an error of a contract ABI (or a built-in one), with its decoded arguments.</summary>
public sealed record AbiDecodedError(AbiError Error, AbiValues Values);

/// <summary>Call data matched to a function of a contract ABI, with its decoded arguments.</summary>
public sealed record AbiDecodedCall(AbiFunction Function, AbiValues Arguments);
