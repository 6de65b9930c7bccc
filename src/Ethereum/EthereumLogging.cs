using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Photon.Ethereum;

/// <summary>
/// Where the Ethereum layer writes its few log lines (e.g. which secp256k1 backend was chosen).
/// A host sets <see cref="LoggerFactory"/> at startup, before the first cryptographic call;
/// until then nothing is logged.
/// </summary>
public static class EthereumLogging
{
    private static ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;

    public static ILoggerFactory LoggerFactory
    {
        get => Volatile.Read(ref _loggerFactory);
        set => Volatile.Write(ref _loggerFactory, value ?? throw new ArgumentNullException(nameof(value)));
    }
}
