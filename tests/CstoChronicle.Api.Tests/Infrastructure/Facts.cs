namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>Request bodies for writes, valid against the dataset the factory imports.</summary>
public static class Facts
{
    /// <summary>A source id registered by the dataset.</summary>
    public const string DatasetSource = "csto-history";

    public static string Source(string id) =>
        $$$"""{"id":"{{{id}}}","title":"Test source {{{id}}}","publisher":"Tests","url":"https://example.org/{{{id}}}","language":"en"}""";

    /// <summary>A membership suspension: valid for a member state after its accession (ARM acceded in 1992).</summary>
    public static string Suspension(string state = "ARM", string on = "2030-01-01") =>
        $$$"""{"type":"MembershipSuspended","data":{"state":"{{{state}}}","on":"{{{on}}}","sources":[{"sourceId":"{{{DatasetSource}}}","locator":"test"}]}}""";

    public static string Retraction(string reason = "Recorded in error by a test") =>
        $$$"""{"reason":"{{{reason}}}","sources":[{"sourceId":"{{{DatasetSource}}}"}]}""";

    public static string SuspensionCorrection(string state, string on, string reason = "The day was wrong") =>
        $$$"""{"reason":"{{{reason}}}","sources":[{"sourceId":"{{{DatasetSource}}}"}],"replacement":{"state":"{{{state}}}","on":"{{{on}}}","sources":[{"sourceId":"{{{DatasetSource}}}"}]}}""";
}
