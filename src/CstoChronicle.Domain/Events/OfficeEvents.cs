using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Names;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

// The offices held by one person at a time. The Secretary General has its own records (stream secretary-general);
// every other office (the Chief of the Joint Staff, the command of an operation) has the generic ones below, its stream being the office's slug.

public sealed record SecretaryGeneralAppointed(
    string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources,
    HistoricalDate? TermEnds = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

public sealed record ActingSecretaryGeneralDesignated(
    string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

public sealed record SecretaryGeneralTermEnded(
    string PersonId, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

/// <summary>A person appointed to an office other than the Secretary General's (<see cref="Offices.Others"/>). Stream: the office.</summary>
public sealed record OfficeHolderAppointed(
    string Office, string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources,
    HistoricalDate? TermEnds = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Office;
}

public sealed record ActingOfficeHolderDesignated(
    string Office, string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Office;
}

/// <summary>A holder's term ended on its own (not by a successor's appointment); <c>on</c> is the holder's last day.</summary>
public sealed record OfficeTermEnded(
    string Office, string PersonId, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Office;
}

/// <summary>The offices the chronicle answers, by slug (their display names are in <see cref="EntityNames"/>).</summary>
public static class Offices
{
    public const string SecretaryGeneral = "secretary-general";
    public const string ChiefOfJointStaff = "chief-of-joint-staff";
    public const string CommanderPeacekeepingForcesKazakhstan2022 = "commander-peacekeeping-forces-kazakhstan-2022";

    /// <summary>The offices recorded with the generic records (<see cref="OfficeHolderAppointed"/>, ...).</summary>
    public static IReadOnlyList<string> Others { get; } = [ChiefOfJointStaff, CommanderPeacekeepingForcesKazakhstan2022];

    /// <summary>Every office, the Secretary General first.</summary>
    public static IReadOnlyList<string> All { get; } = [SecretaryGeneral, .. Others];

    public static bool IsKnown(string office) => All.Contains(office, StringComparer.Ordinal);

    /// <summary>"Chief of the CSTO Joint Staff": the office's display name.</summary>
    public static string NameOf(string office) => office == SecretaryGeneral ? "Secretary General" : EntityNames.Of(office);
}
