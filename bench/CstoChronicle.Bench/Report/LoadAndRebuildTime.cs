using System.Globalization;
using CstoChronicle.Bench.Measurement;

namespace CstoChronicle.Bench.Report;

/// <summary>
/// Where a load's and a rebuild's time goes: the CPU time per event measured in this run, the bounds it sets on two cores,
/// and what profiles of the same code on the same machine (2026-12-05) found inside those figures.
/// </summary>
public static class LoadAndRebuildTime
{
    public const string Title = "Where the time of loading and rebuilding goes";

    public static string Explain(LatencySummary load, CpuTimes loadCpu, LatencySummary rebuild, CpuTimes rebuildCpu,
        LatencySummary alone, CpuTimes aloneCpu)
    {
        double Own(CpuTimes cpu, LatencySummary run) => cpu.OwnPer(run.Units);
        double Server(CpuTimes cpu, LatencySummary run) => cpu.ServerPer(run.Units) ?? double.NaN;
        string Rate(double microseconds) => double.IsNaN(microseconds) ? "n/a" : (1e6 / microseconds).ToString("N0", CultureInfo.InvariantCulture);
        string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

        var (rebuildOwn, rebuildServer) = (Own(rebuildCpu, rebuild), Server(rebuildCpu, rebuild));
        var (aloneOwn, aloneServer) = (Own(aloneCpu, alone), Server(aloneCpu, alone));
        var (loadOwn, loadServer) = (Own(loadCpu, load), Server(loadCpu, load));
        return
            $"CPU time per event in this run (the tables under the loading and event store sections): the rebuild {F(rebuildOwn)} µs in the " +
            $"rebuilding process and {F(rebuildServer)} µs in PostgreSQL ({rebuild.UnitsPerSecond:N0} events/s); Marten's daemon alone " +
            $"{F(aloneOwn)} and {F(aloneServer)} µs ({alone.UnitsPerSecond:N0} events/s); the load {F(loadOwn)} and {F(loadServer)} µs " +
            $"({load.UnitsPerSecond:N0} events/s). Wall time follows the load of the machine's two shared cores; CPU time per event is the " +
            "steadier measure.\n\n" +
            "- **Rebuild (target 50,000 events/s: 20 µs of wall time per event).** On two cores the rebuilding process and PostgreSQL can at " +
            "best work side by side, so each must spend less than 20 µs of CPU per event, with nothing else running. Here the process spent " +
            $"{F(rebuildOwn)} µs ({Rate(rebuildOwn)} events/s if it never waited) and PostgreSQL {F(rebuildServer)} ({Rate(rebuildServer)}); " +
            $"one after the other they allow {Rate(rebuildOwn + rebuildServer)} events/s on an idle machine, and the run, at " +
            $"{rebuild.UnitsPerSecond:N0}, stayed below that: the two overlap little (the daemon loads a page, applies it, writes and commits it) " +
            $"and the machine's other work took its share. Together they take {F(rebuildOwn + rebuildServer)} µs per event, about " +
            $"{(rebuildOwn + rebuildServer) / 20:0.#} times what the target leaves. Marten's daemon by itself takes {F(aloneOwn)} µs per event " +
            "in the process. A profile of `./run.sh rebuild-projections` (dotnet-trace, 200,836 events, 2026-12-05) puts the process's busy " +
            "time about a third in Marten's `EventLoader` (most of it System.Text.Json deserializing each event's data from a stream, " +
            "asynchronously, a fifth of the whole), a sixth in the chronicle projection building its rows, a sixth in Npgsql writing the page's " +
            "statements, the rest in the daemon's pipeline. In PostgreSQL, serving the daemon's reads is the daemon-alone figure; the rest is " +
            "inserting three rows per event (`chr_log` with its primary key and unique position, `chr_timeline`, `chr_citations`), their WAL, " +
            "and building the dropped indexes and keys at the end. Dropping the claim tables' and citations' primary keys for the replay as " +
            "well as their secondary indexes (decision 0009) took PostgreSQL's share of a 200,836-event rebuild from 24.7 to 27.1 µs per event " +
            "to 21.6 to 23.7 (keys built again included, load average 14 to 18). The target is out of reach of a rebuild through Marten's daemon " +
            "on this machine: the daemon's own reading and materialising of the events and PostgreSQL's writing of three rows per event each " +
            "take about the whole budget. Tried and not kept: unlogged tables for the replay (PostgreSQL 23.8 µs per event, " +
            "but `SET LOGGED` afterwards cost 9.5 µs per event more); dropping `chr_log`'s keys too (15.5 µs per event, but every replayed " +
            "correction and retraction would then scan `chr_log` for its target); pages of 2,500 events (PostgreSQL spent 2.7 times the CPU); " +
            "binary COPY of the rows instead of `unnest` (300,000 timeline rows cost the server 1.7 s either way).\n" +
            "- **Load (target 10,000 events/s: 100 µs per event).** One importer runs one SaveChanges at a time and waits for its commit, so the " +
            $"process's and PostgreSQL's time add up: {F(loadOwn + loadServer)} µs per event bounds the load to {Rate(loadOwn + loadServer)} " +
            "events/s on an idle machine. The process's part is mostly Marten's Rich append (sequence numbers, one INSERT per event, the JSON) " +
            "and about 6 µs the projection's rows; PostgreSQL's about half Marten's rows and half the projection's three rows and their ten " +
            "index entries. The target is met when the machine is quiet, and missed when the other work on its two cores takes most of them " +
            "(13,409 events/s at a load average of 2 to 8 on 2026-12-05, 3,000 to 7,000 at 20 to 25).\n" +
            "- **Batches of 100 (target 0.5x binary COPY).** The CPU table of the event store section gives each row's cost per event beside " +
            "COPY's: the projection's rows about double PostgreSQL's work per event (on 2026-12-05, load average about 28: 77 µs against " +
            "Marten alone's 28, COPY's 15). In a statement log of 300 batches of each row (pg_stat_statements, the same day) each `chr_timeline` " +
            "and `chr_log` row took about as long to insert as Marten's own row of the event (16, 16 and 18 µs of execution under that load: " +
            "a heap tuple and four or five index entries each), each `chr_citations` row a third of that. Marten alone reaches about 0.4 to " +
            "0.65 of COPY, and the row with the projection 0.25 to 0.35. The rows and their indexes are what the chronicle's reads and " +
            "corrections need (decision 0005 already took the copy of the data out of the log), so the target is not met.";
    }
}
