namespace CstoChronicle.Api.Logging;

/// <summary>
/// Development's log: one readable line per entry (time, level, the category's last name, the message, then the
/// request and trace ids), the exception below it.
/// </summary>
public sealed class TextLogFormatter(DatabaseOutage outage, TimeProvider time) : ChronicleLogFormatter(Name, outage, time)
{
    public new const string Name = "chronicle-text";

    protected override void Write(LogLine line, TextWriter writer)
    {
        var category = line.Category[(line.Category.LastIndexOf('.') + 1)..];
        writer.Write($"{line.Time.UtcDateTime:HH:mm:ss.fff} {JsonLogFormatter.LevelName(line.Level),-5} {category}: {line.Message}");
        if (line.RequestId is not null) writer.Write($"  [request {line.RequestId}]");
        if (line.TraceId is not null) writer.Write($"  [trace {line.TraceId}]");
        writer.Write('\n');
        if (line.Exception is not null)
        {
            writer.Write(line.Exception.ToString());
            writer.Write('\n');
        }
    }
}
