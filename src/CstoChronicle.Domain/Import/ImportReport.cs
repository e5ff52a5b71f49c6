namespace CstoChronicle.Domain.Import;

/// <summary>
/// What an import did: sources and events newly written, items skipped because they were already stored, and the
/// facts the writer refused (file, id, field, message). <paramref name="Ran"/> is false when the store was not empty.
/// </summary>
public sealed record ImportReport(int Sources, int Events, int Skipped, IReadOnlyList<string> Rejected, bool Ran = true)
{
    public static ImportReport NotRun { get; } = new(0, 0, 0, [], Ran: false);

    public override string ToString() => !Ran
        ? "dataset import skipped: the store already holds events"
        : $"dataset import: {Sources} sources and {Events} events written, {Skipped} already stored, {Rejected.Count} rejected";
}
