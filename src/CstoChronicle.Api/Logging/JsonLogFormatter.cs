using System.Text.Json;

namespace CstoChronicle.Api.Logging;

/// <summary>
/// Production's log: one compact JSON object per line (time, level, category, message, traceId, spanId, requestId,
/// the message's fields, the exception), for a log shipper to parse.
/// </summary>
public sealed class JsonLogFormatter(DatabaseOutage outage, TimeProvider time) : ChronicleLogFormatter(Name, outage, time)
{
    public new const string Name = "chronicle-json";

    protected override void Write(LogLine line, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", line.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            json.WriteString("level", LevelName(line.Level));
            json.WriteString("category", line.Category);
            json.WriteString("message", line.Message);
            if (line.TraceId is not null) json.WriteString("traceId", line.TraceId);
            if (line.SpanId is not null) json.WriteString("spanId", line.SpanId);
            if (line.RequestId is not null) json.WriteString("requestId", line.RequestId);
            if (line.Fields.Count > 0)
            {
                json.WriteStartObject("fields");
                foreach (var (key, value) in line.Fields) json.WriteString(key, value);
                json.WriteEndObject();
            }
            if (line.Exception is not null) json.WriteString("exception", line.Exception.ToString());
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
