using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CstoChronicle.Api.Logging;

/// <summary>One log line, as both formatters write it: the message, its fields, and the request and trace it belongs to.</summary>
public sealed record LogLine(
    DateTimeOffset Time,
    LogLevel Level,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    string? RequestId,
    IReadOnlyList<KeyValuePair<string, string?>> Fields,
    Exception? Exception);

/// <summary>
/// The console formatters' common part: turns an entry into a <see cref="LogLine"/> (request id from ASP.NET Core's
/// scope, trace and span ids from the current activity) and folds an outage of PostgreSQL into one line at its start:
/// while <see cref="DatabaseOutage"/> is open, failures that say the database cannot be reached are not written.
/// </summary>
public abstract class ChronicleLogFormatter(string name, DatabaseOutage outage, TimeProvider time) : ConsoleFormatter(name)
{
    public const string OutageCategory = "CstoChronicle.DatabaseOutage";

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter writer)
    {
        var message = entry.Formatter(entry.State, entry.Exception);
        if (entry.Exception is { } failure && DatabaseErrors.IsUnavailable(failure))
        {
            if (!outage.Begin()) return;
            var line = Describe(entry, scopeProvider, $"PostgreSQL does not answer ({Reason(failure)}), first seen by {entry.Category}: {message} " +
                "Until it answers again, failures of this kind are counted, not logged.");
            Write(line with { Level = LogLevel.Warning, Category = OutageCategory, Exception = null }, writer);
            return;
        }
        Write(Describe(entry, scopeProvider, message), writer);
    }

    protected abstract void Write(LogLine line, TextWriter writer);

    private LogLine Describe<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, string message)
    {
        string? requestId = null, traceId = null, spanId = null;
        scopeProvider?.ForEachScope((scope, _) =>
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> pairs) return;
            foreach (var (key, value) in pairs)
                switch (key)
                {
                    case "RequestId": requestId = value?.ToString(); break;
                    case "TraceId": traceId = value?.ToString(); break;
                    case "SpanId": spanId = value?.ToString(); break;
                }
        }, (object?)null);
        if (traceId is null && Activity.Current is { } activity)
        {
            traceId = activity.TraceId.ToHexString();
            spanId = activity.SpanId.ToHexString();
        }

        var fields = new List<KeyValuePair<string, string?>>();
        if (entry.State is IEnumerable<KeyValuePair<string, object?>> state)
            foreach (var (key, value) in state)
                if (key != "{OriginalFormat}") fields.Add(new(key, value?.ToString()));
        return new LogLine(time.GetUtcNow(), entry.LogLevel, entry.Category, message, traceId, spanId, requestId, fields, entry.Exception);
    }

    private static string Reason(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException) return e.Message;
        return failure.Message;
    }
}
