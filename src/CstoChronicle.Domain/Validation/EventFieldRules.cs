using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>The checks a fact must pass on its own, before the store is asked anything.</summary>
public static class EventFieldRules
{
    public static readonly IReadOnlyList<string> Comparators = ["=", "<", "<=", ">", ">=", "~"];

    public static IReadOnlyList<ValidationError> Check(HistoricalEvent fact, KnownStates states)
    {
        var errors = new ErrorList();
        CheckCommon(fact, errors);
        CheckOwnFields(fact, errors, states);
        return errors.Errors;
    }

    /// <summary>A claim's citations: at least one, each naming a source.</summary>
    public static IReadOnlyList<ValidationError> CheckCitations(IReadOnlyList<Citation>? sources)
    {
        var errors = new ErrorList();
        if (sources is null || sources.Count == 0)
        {
            errors.Add("sources", "at least one source is required: cite it as { sourceId, locator?, quote? }");
            return errors.Errors;
        }
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is null) errors.Add($"sources[{i}]", "is required");
            else errors.Required($"sources[{i}].sourceId", sources[i].SourceId);
        }
        return errors.Errors;
    }

    private static void CheckCommon(HistoricalEvent fact, ErrorList errors)
    {
        // A record built in code can still carry nulls its signature forbids; JSON input cannot (see EventPayloadReader).
        if (fact.On is null) errors.Add("on", "is required: an EDTF date such as 1992-05-15, 2016-10 or 2006~");
        errors.AddRange(CheckCitations(fact.Sources));

        if (!Enum.IsDefined(fact.Rank))
            errors.Add("rank", "must be normal, preferred or deprecated");
        else if (fact.Rank != ClaimRank.Normal && string.IsNullOrWhiteSpace(fact.RankReason))
            errors.Add("rankReason", $"a {fact.Rank.ToString().ToLowerInvariant()} claim needs a rankReason: why it ranks so beside the conflicting claims");
    }

    private static void CheckOwnFields(HistoricalEvent fact, ErrorList errors, KnownStates states)
    {
        switch (fact)
        {
            case StateAcceded e: errors.State("state", e.State, states); break;
            case MembershipSuspended e: errors.State("state", e.State, states); break;
            case ParticipationFrozen e: errors.State("state", e.State, states); break;
            case MembershipResumed e: errors.State("state", e.State, states); break;
            case StateWithdrew e: errors.State("state", e.State, states); break;
            case ChairmanshipAssumed e: errors.State("state", e.State, states); break;

            case DocumentSigned e:
                errors.Slug("document", e.Document);
                errors.Required("title", e.Title);
                errors.Required("kind", e.Kind);
                errors.States("signatories", e.Signatories, states);
                break;
            case DocumentEnteredIntoForce e:
                errors.Slug("document", e.Document);
                errors.States("forStates", e.ForStates, states);
                break;
            case DocumentRatified e:
                errors.Slug("document", e.Document);
                errors.State("state", e.State, states);
                break;

            case OrganizationEstablished e:
                errors.Slug("organization", e.Organization);
                errors.Required("name", e.Name);
                break;
            case BodyEstablished e:
                errors.Slug("body", e.Body);
                errors.Required("name", e.Name);
                errors.Required("kind", e.Kind);
                break;
            case BodyRenamed e:
                errors.Slug("body", e.Body);
                errors.Required("newName", e.NewName);
                break;
            case BodyDissolved e: errors.Slug("body", e.Body); break;
            case SessionHeld e: errors.Slug("body", e.Body); break;
            case DecisionAdopted e:
                errors.Slug("body", e.Body);
                errors.Required("title", e.Title);
                if (e.Document is not null) errors.Slug("document", e.Document);
                break;

            case SecretaryGeneralAppointed e:
                CheckHolder(errors, e.PersonId, e.Name, e.State, states);
                if (e.TermEnds is not null && e.On is not null && e.TermEnds.Latest < e.On.Earliest)
                    errors.Add("termEnds", $"the term ends ({e.TermEnds}) before it starts ({e.On})");
                break;
            case ActingSecretaryGeneralDesignated e: CheckHolder(errors, e.PersonId, e.Name, e.State, states); break;
            case SecretaryGeneralTermEnded e: errors.Slug("personId", e.PersonId); break;
            case OfficeHolderAppointed e:
                CheckOffice(errors, e.Office);
                CheckHolder(errors, e.PersonId, e.Name, e.State, states);
                if (e.TermEnds is not null && e.On is not null && e.TermEnds.Latest < e.On.Earliest)
                    errors.Add("termEnds", $"the term ends ({e.TermEnds}) before it starts ({e.On})");
                break;
            case ActingOfficeHolderDesignated e:
                CheckOffice(errors, e.Office);
                CheckHolder(errors, e.PersonId, e.Name, e.State, states);
                break;
            case OfficeTermEnded e:
                CheckOffice(errors, e.Office);
                errors.Slug("personId", e.PersonId);
                break;

            case ExerciseHeld e:
                errors.Slug("exercise", e.Exercise);
                errors.Required("name", e.Name);
                errors.States("participants", e.Participants, states);
                break;
            case OperationConducted e:
                errors.Slug("operation", e.Operation);
                errors.Required("name", e.Name);
                errors.States("participants", e.Participants, states);
                break;
            case FigureReported e: CheckFigure(errors, e, states); break;
        }
        if (fact.StreamId is { } stream && stream.StartsWith(SourceRegistered.StreamPrefix, StringComparison.Ordinal))
            errors.Add("", $"the entity id '{stream}' starts with '{SourceRegistered.StreamPrefix}', which is kept for the source register");
    }

    /// <summary>The generic office records name one of <see cref="Offices.Others"/>; the Secretary General has records of its own.</summary>
    private static void CheckOffice(ErrorList errors, string office)
    {
        if (!errors.Required("office", office)) return;
        if (office == Offices.SecretaryGeneral)
            errors.Add("office", "the Secretary General is recorded with SecretaryGeneralAppointed, ActingSecretaryGeneralDesignated and SecretaryGeneralTermEnded");
        else if (!Offices.Others.Contains(office, StringComparer.Ordinal))
            errors.Add("office", $"'{office}' is not an office the chronicle records: use one of {string.Join(", ", Offices.Others)}");
    }

    private static void CheckHolder(ErrorList errors, string personId, string name, string? state, KnownStates states)
    {
        errors.Slug("personId", personId);
        errors.Required("name", name);
        if (state is not null) errors.State("state", state, states);
    }

    private static void CheckFigure(ErrorList errors, FigureReported figure, KnownStates states)
    {
        if (!states.IsKnown(figure.Subject)) errors.Slug("subject", figure.Subject);
        errors.Required("measure", figure.Measure);
        if (figure.Quantity is not { } quantity)
        {
            errors.Add("quantity", "is required: { comparator, amount, unit }");
            return;
        }
        if (!Comparators.Contains(quantity.Comparator))
            errors.Add("quantity.comparator", $"'{quantity.Comparator}' is not a comparator: use one of {string.Join(" ", Comparators)}");
        if (quantity.Amount < 0) errors.Add("quantity.amount", $"{quantity.Amount} is negative: a reported quantity is a count or a measure");
        errors.Required("quantity.unit", quantity.Unit);
    }
}
