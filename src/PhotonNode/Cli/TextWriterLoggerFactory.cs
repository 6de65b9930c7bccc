using Microsoft.Extensions.Logging;

namespace Photon.Node.Cli;

/// <summary>
/// The command line's logger under <c>--verbose</c>: one line per entry, <c>info: message</c>, on the
/// error writer, so standard output stays the command's result alone.
/// </summary>
internal sealed class TextWriterLoggerFactory(TextWriter writer, LogLevel minimum) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(writer, minimum);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the command line logs to its error writer only");

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter writer, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var level = logLevel switch
            {
                LogLevel.Trace => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "error",
                _ => "crit",
            };
            lock (writer)
                writer.WriteLine($"{level}: {formatter(state, exception)}");
        }
    }
}
