using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>
/// Writes every log entry through one of the API's own console formatters into memory: exactly the text the console
/// gets in production, outage folding included, without sharing the process's console with other tests.
/// </summary>
public sealed class FormattedLogCapture(ConsoleFormatter formatter) : ILoggerProvider, ISupportExternalScope
{
    private readonly StringBuilder _text = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public string Text
    {
        get { lock (_text) return _text.ToString(); }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Writer(FormattedLogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
        {
            using var writer = new StringWriter();
            owner._formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, format), owner._scopes, writer);
            lock (owner._text) owner._text.Append(writer);
        }
    }

    private readonly ConsoleFormatter _formatter = formatter;
}
