using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Validation;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Validation;

/// <summary>The membership fold on partial dates and ties, without a store.</summary>
public class MembershipRulesTests
{
    public static TheoryData<string, HistoricalEvent[], HistoricalEvent, bool> Cases => new()
    {
        { "an accession known only by its year, a suspension within that year", [Acceded("UZB", "2006")], Suspended("UZB", "2006-03"), true },
        { "an accession and a freeze on the same day", [Acceded("ARM", "2024-02-22")], Frozen("ARM", "2024-02-22"), true },
        { "a withdrawal known only by its year, a suspension within that year", [Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999")], Suspended("UZB", "1999-04-21"), true },
        { "a withdrawal certainly before the suspension", [Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999")], Suspended("UZB", "2000"), false },
        { "an accession certainly after the freeze", [Acceded("ARM", "2006")], Frozen("ARM", "2005"), false },
        { "a return after a withdrawal", [Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21"), Acceded("UZB", "2006-08-16")], Suspended("UZB", "2012-12-19"), true },
        { "a resumption of a suspended membership", [Acceded("UZB", "1992-05-15"), Suspended("UZB", "2012-12-19")], Resumed("UZB", "2020"), true },
        { "a resumption before the suspension", [Acceded("UZB", "1992-05-15"), Suspended("UZB", "2012-12-19")], Resumed("UZB", "2011"), false },
        { "a suspension of a state whose return is only possible by then", [Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21"), Acceded("UZB", "2006")], Suspended("UZB", "2006-01-01"), true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string history, HistoricalEvent[] standing, HistoricalEvent attempt, bool allowed)
    {
        var errors = MembershipRules.Check(attempt, standing);

        (errors.Count == 0).ShouldBe(allowed, $"{history}: {string.Join("; ", errors)}");
    }
}
