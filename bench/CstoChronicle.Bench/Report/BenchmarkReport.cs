using System.Globalization;
using System.Text;
using CstoChronicle.Bench.Measurement;

namespace CstoChronicle.Bench.Report;

/// <summary>Writes docs/benchmarks.md: every figure beside its baseline from the same run, as a ratio.</summary>
public sealed class BenchmarkReport(MachineInfo machine, string settingsLine)
{
    private readonly List<(string Title, string Intro, List<Comparison> Rows)> _sections = [];
    private readonly List<(string Title, string Body)> _notes = [];

    public void Add(string section, string intro, Comparison comparison)
    {
        var existing = _sections.FindIndex(s => s.Title == section);
        if (existing < 0) _sections.Add((section, intro, [comparison]));
        else _sections[existing].Rows.Add(comparison);
    }

    public void AddNote(string title, string body) => _notes.Add((title, body));

    private readonly List<(string Section, string Measure, long Units, CpuTimes Measured, long BaselineUnits, CpuTimes? Baseline)> _cpu = [];

    /// <summary>CPU time per unit of a row of <paramref name="section"/> (and of its baseline), shown in a table under the section's own.</summary>
    public void AddCpu(string section, string measure, long units, CpuTimes measured, long baselineUnits = 0, CpuTimes? baseline = null) =>
        _cpu.Add((section, measure, units, measured, baselineUnits, baseline));

    /// <summary>The section the browser tests measure (tests/browser/specs/chart.test.mjs), copied into the file by hand.</summary>
    public const string ChartDrawTime = "Timeline page: chart draw time";

    /// <summary>The body of the section titled <paramref name="title"/> in an earlier report, or null.</summary>
    public static string? SectionOf(string? markdown, string title)
    {
        if (markdown is null) return null;
        var heading = $"## {title}\n";
        var start = markdown.ReplaceLineEndings("\n").IndexOf(heading, StringComparison.Ordinal);
        if (start < 0) return null;
        var text = markdown.ReplaceLineEndings("\n")[(start + heading.Length)..];
        var end = text.IndexOf("\n## ", StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Written by the benchmark program (`bench/run.sh`); do not edit by hand. Every figure stands beside a baseline");
        md.AppendLine("measured in the same run on the same database with raw Npgsql; the ratio is project / baseline throughput.");
        md.AppendLine();
        md.AppendLine("## Machine and settings");
        md.AppendLine();
        md.AppendLine(Invariant($"- measured: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine($"- OS: {machine.Os}; cores: {machine.Cores}; memory: {machine.Memory}; runtime: {machine.Runtime}");
        md.AppendLine($"- PostgreSQL {machine.PostgreSql}: " + string.Join(", ", machine.Settings.Select(s => $"{s.Name}={s.Value}")));
        md.AppendLine($"- run: {settingsLine}");
        foreach (var (title, intro, rows) in _sections)
        {
            md.AppendLine();
            md.AppendLine($"## {title}");
            md.AppendLine();
            if (intro.Length > 0) { md.AppendLine(intro); md.AppendLine(); }
            md.AppendLine("| measure | project | p50 ms | p99 ms | baseline (raw Npgsql) | p50 ms | p99 ms | ratio | target |");
            md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var row in rows)
            {
                var target = row.Target is null ? "" : Invariant($">= {row.Target:0.##} {(row.MeetsTarget == true ? "met" : "NOT met")}");
                md.AppendLine(Invariant(
                    $"| {row.Name} | {row.Measured.UnitsPerSecond:N0} {row.Unit}/s | {row.Measured.P50:0.###} | {row.Measured.P99:0.###} | {row.BaselineDescription}: {row.Baseline.UnitsPerSecond:N0} {row.Unit}/s | {row.Baseline.P50:0.###} | {row.Baseline.P99:0.###} | {row.Ratio:0.00} | {target} |"));
            }
            AppendCpu(md, title);
        }
        foreach (var (title, body) in _notes)
        {
            md.AppendLine();
            md.AppendLine($"## {title}");
            md.AppendLine();
            md.AppendLine(body);
        }
        return md.ToString();
    }

    private void AppendCpu(StringBuilder md, string section)
    {
        var rows = _cpu.Where(c => c.Section == section).ToList();
        if (rows.Count == 0) return;
        md.AppendLine();
        md.AppendLine("CPU time per event in the same runs (user and system, from /proc): this program's process (Marten, Npgsql, the projection) and the whole " +
                      "PostgreSQL server (its connections' processes, WAL writer, checkpointer, autovacuum).");
        md.AppendLine();
        md.AppendLine("| measure | this process µs/event | PostgreSQL µs/event | baseline: this process µs/event | baseline: PostgreSQL µs/event |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (_, measure, units, measured, baselineUnits, baseline) in rows)
            md.AppendLine(Invariant(
                $"| {measure} | {measured.OwnPer(units):0.0} | {Micro(measured.ServerPer(units))} | {Micro(baseline?.OwnPer(baselineUnits))} | {Micro(baseline?.ServerPer(baselineUnits))} |"));
    }

    private static string Micro(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
