namespace Photon.Ethereum.JsonRpc;

public enum RevertReasonKind
{
    /// <summary>No revert data: <c>revert()</c>, a failed <c>require</c> without message, or a node that did not report it.</summary>
    Empty,

    /// <summary><c>Error(string)</c>, selector 0x08c379a0: <c>revert("…")</c> and <c>require(…, "…")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>, selector 0x4e487b71: a failed assert, overflow, division by zero, …</summary>
    Panic,

    /// <summary>A Solidity custom error: some other 4-byte selector followed by its ABI-encoded arguments.</summary>
    CustomError,

    /// <summary>Bytes that fit none of the above (shorter than a selector, or a malformed Error/Panic encoding).</summary>
    Undecodable,
}
