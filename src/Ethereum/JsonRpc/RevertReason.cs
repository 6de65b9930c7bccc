using System.Buffers.Binary;
using Photon.Ethereum.Abi;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The decoded meaning of revert data. Only the two layouts Solidity itself emits are decoded here
/// (<c>Error(string)</c> and <c>Panic(uint256)</c>, with <see cref="AbiError.ErrorString"/> and
/// <see cref="AbiError.Panic"/>); any other selector is reported as a custom error with its raw
/// arguments, for an ABI-aware caller to decode (<see cref="ContractAbi.DecodeError"/>). Decoding
/// never throws: hostile or truncated bytes become <see cref="RevertReasonKind.Undecodable"/> with
/// the raw data kept. <see cref="Message"/> is the contract's text exactly; <see cref="Description"/>
/// is for logs (shortened, control characters escaped).
/// </summary>
public sealed class RevertReason
{
    public const uint ErrorSelector = 0x08c379a0;
    public const uint PanicSelector = 0x4e487b71;

    // Revert strings are the contract's choice: descriptions show this much, escaped; Message has all of it.
    private const int MaxMessageInDescription = 200;

    private RevertReason(RevertReasonKind kind, byte[] data, string description)
    {
        Kind = kind;
        Data = data;
        Description = description;
    }

    public RevertReasonKind Kind { get; }

    /// <summary>The complete revert data, selector included.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The first four bytes of the data, when there are at least four.</summary>
    public uint? Selector => Data.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Data.Span) : null;

    /// <summary>The data after the selector (the ABI-encoded arguments), empty when there is no selector.</summary>
    public ReadOnlyMemory<byte> Arguments => Data.Length >= 4 ? Data[4..] : ReadOnlyMemory<byte>.Empty;

    /// <summary>The message of an <c>Error(string)</c>.</summary>
    public string? Message { get; private init; }

    /// <summary>The code of a <c>Panic(uint256)</c>.</summary>
    public UInt256? PanicCode { get; private init; }

    /// <summary>One line for people: the message, the panic and its meaning, or the selector and data.</summary>
    public string Description { get; }

    public override string ToString() => Description;

    public static RevertReason Decode(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        if (copy.Length == 0)
            return new RevertReason(RevertReasonKind.Empty, copy, "no revert data");
        if (copy.Length < 4)
            return Undecodable(copy, "shorter than a 4-byte selector");
        var selector = BinaryPrimitives.ReadUInt32BigEndian(copy);
        var args = copy.AsSpan(4);
        return selector switch
        {
            ErrorSelector => DecodeError(copy),
            PanicSelector => DecodePanic(copy),
            _ => new RevertReason(
                RevertReasonKind.CustomError,
                copy,
                $"custom error 0x{selector:x8}" + (args.IsEmpty ? "" : $" with arguments {Hex.Shorten(Hex.Encode(args))}")),
        };
    }

    /// <summary>What the Solidity compiler means by a panic code (see the Solidity docs, "Panic via assert and Error via require").</summary>
    public static string DescribePanic(UInt256 code) => code > 0xff ? "unknown panic code" : (ulong)code switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory (too large allocation)",
        0x51 => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };

    // Both layouts are decoded by the ABI decoder that ContractAbi.DecodeError uses, so the two can
    // never disagree: whatever it refuses (offsets out of range, dirty padding, invalid UTF-8) is
    // Undecodable here, with its reason.
    private static RevertReason DecodeError(byte[] data)
    {
        string message;
        try
        {
            message = AbiError.ErrorString.Decode(data).Get<string>(0);
        }
        catch (AbiException e)
        {
            return Undecodable(data, $"malformed Error(string): {e.Message}");
        }
        var description = message.Length > 0 ? MessageText.Quote(message, MaxMessageInDescription) : "Error(\"\")";
        return new RevertReason(RevertReasonKind.Error, data, description) { Message = message };
    }

    private static RevertReason DecodePanic(byte[] data)
    {
        UInt256 code;
        try
        {
            code = AbiError.Panic.Decode(data).Get<UInt256>(0);
        }
        catch (AbiException e)
        {
            return Undecodable(data, $"malformed Panic(uint256): {e.Message}");
        }
        return new RevertReason(RevertReasonKind.Panic, data, $"panic {code.ToHexString()}: {DescribePanic(code)}") { PanicCode = code };
    }

    private static RevertReason Undecodable(byte[] data, string why) =>
        new(RevertReasonKind.Undecodable, data, $"undecodable revert data ({why}): {Hex.Shorten(Hex.Encode(data))}");
}
