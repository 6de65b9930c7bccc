using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding 0x01…0x80, not SHA3-256's 0x06).
/// One-shot <see cref="Hash(ReadOnlySpan{byte})"/>, or incremental through an instance:
/// <c>new Keccak256().Append(a).Append(b).Finish()</c>.
/// </summary>
public sealed class Keccak256
{
    /// <summary>Sponge rate in bytes: (1600 − 2·256) / 8.</summary>
    private const int Rate = 136;

    private readonly ulong[] _state = new ulong[25];
    private readonly byte[] _buffer = new byte[Rate];
    private int _buffered;
    private bool _finished;

    /// <summary>Keccak-256 of the empty input.</summary>
    public static readonly Hash256 OfEmpty = Hash([]);

    public static Hash256 Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> output = stackalloc byte[32];
        Hash(data, output);
        return new Hash256(output);
    }

    public static Hash256 Hash(string utf8) => Hash(System.Text.Encoding.UTF8.GetBytes(utf8));

    /// <summary>Writes the 32-byte digest of <paramref name="data"/> to <paramref name="output"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < 32)
            throw new ArgumentException("Keccak-256 output needs 32 bytes", nameof(output));
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            AbsorbBlock(state, data[..Rate]);
            data = data[Rate..];
        }
        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        AbsorbBlock(state, last);
        Squeeze(state, output);
    }

    public Keccak256 Append(ReadOnlySpan<byte> data)
    {
        if (_finished)
            throw new InvalidOperationException("Keccak256 instance already finished");
        if (_buffered > 0)
        {
            var take = Math.Min(Rate - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < Rate)
                return this;
            AbsorbBlock(_state, _buffer);
            _buffered = 0;
        }
        while (data.Length >= Rate)
        {
            AbsorbBlock(_state, data[..Rate]);
            data = data[Rate..];
        }
        data.CopyTo(_buffer);
        _buffered = data.Length;
        return this;
    }

    public Hash256 Finish()
    {
        if (_finished)
            throw new InvalidOperationException("Keccak256 instance already finished");
        _finished = true;
        _buffer.AsSpan(_buffered).Clear();
        _buffer[_buffered] ^= 0x01;
        _buffer[Rate - 1] ^= 0x80;
        AbsorbBlock(_state, _buffer);
        Span<byte> output = stackalloc byte[32];
        Squeeze(_state, output);
        return new Hash256(output);
    }

    private static void AbsorbBlock(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        if (BitConverter.IsLittleEndian)
        {
            var lanes = MemoryMarshal.Cast<byte, ulong>(block[..Rate]);
            for (var i = 0; i < Rate / 8; i++)
                state[i] ^= lanes[i];
        }
        else
        {
            for (var i = 0; i < Rate / 8; i++)
                state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(8 * i)..]);
        }
        KeccakF1600.Permute(state);
    }

    private static void Squeeze(ReadOnlySpan<ulong> state, Span<byte> output)
    {
        for (var i = 0; i < 4; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(output[(8 * i)..], state[i]);
    }
}
