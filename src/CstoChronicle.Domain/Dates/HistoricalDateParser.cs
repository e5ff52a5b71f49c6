using System.Globalization;

namespace CstoChronicle.Domain.Dates;

/// <summary>
/// The strict reader of the chronicle's EDTF subset. Every rejection says what is wrong and, where it can, what to write.
/// </summary>
internal static class HistoricalDateParser
{
    private const string Expected = "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %, or an interval start/end";
    private static readonly char[] Qualifiers = ['?', '~', '%'];

    public static HistoricalDate? Parse(string? text, out string? error)
    {
        error = text switch
        {
            null or "" => "a historical date is required: the text is empty",
            _ when string.IsNullOrWhiteSpace(text) => $"'{text}' is blank: a historical date is required",
            _ when char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) =>
                $"'{text}' has leading or trailing whitespace: write '{text.Trim()}'",
            _ when text.Any(char.IsWhiteSpace) => $"'{text}' contains whitespace: {Expected}",
            _ => null,
        };
        if (error is not null) return null;

        var slash = text!.IndexOf('/');
        if (slash < 0) return ParseSingle(text, out error);
        if (text.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{text}' has more than one '/': an interval is written start/end";
            return null;
        }
        return ParseInterval(text, text[..slash], text[(slash + 1)..], out error);
    }

    private static HistoricalDate? ParseInterval(string text, string startText, string endText, out string? error)
    {
        if (!TryParseEnd(text, startText, "start", out var start, out var startOpen, out error)) return null;
        if (!TryParseEnd(text, endText, "end", out var end, out var endOpen, out error)) return null;

        if (start is null && end is null)
        {
            error = $"'{text}' has no dated end: an interval needs a start or an end date, e.g. 1999-04-02/.. or /2010";
            return null;
        }
        if (start is not null && end is not null && end.Latest < start.Earliest)
        {
            error = $"the end {end.Text} is before the start {start.Text} in '{text}'";
            return null;
        }
        return HistoricalDate.Interval(text, start, startOpen, end, endOpen);
    }

    private static bool TryParseEnd(string text, string part, string role, out HistoricalDate? date, out bool open, out string? error)
    {
        date = null;
        open = part == "..";
        error = null;
        if (part.Length == 0 || open) return true;
        if (part.TrimEnd(Qualifiers) == "..")
        {
            error = $"the open {role} '..' takes no qualifier in '{text}'";
            return false;
        }
        date = ParseSingle(part, out var inner);
        if (date is not null) return true;
        error = $"{inner} (the {role} of '{text}')";
        return false;
    }

    private static HistoricalDate? ParseSingle(string text, out string? error)
    {
        error = Qualification(text, out var body, out var uncertain, out var approximate) ?? Shape(text, body);
        if (error is not null) return null;

        var parts = body.Split('-');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            error = $"'{text}' is not an EDTF date: {Expected}";
            return null;
        }

        error = YearError(text, parts[0]);
        if (error is not null) return null;
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        if (parts.Length == 1)
            return HistoricalDate.Single(text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year, uncertain, approximate);

        var padded = string.Join('-', parts.Select(p => p.Length == 1 ? "0" + p : p)) + text[body.Length..];
        error = MonthError(text, parts[1], padded);
        if (error is not null) return null;
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (parts.Length == 2)
            return HistoricalDate.Single(text, new DateOnly(year, month, 1), new DateOnly(year, month, daysInMonth), DatePrecision.Month, uncertain, approximate);

        error = DayError(text, parts[2], padded, parts[0], month, daysInMonth);
        if (error is not null) return null;
        var day = new DateOnly(year, month, int.Parse(parts[2], CultureInfo.InvariantCulture));
        return HistoricalDate.Single(text, day, day, DatePrecision.Day, uncertain, approximate);
    }

    /// <summary>Strips the one qualifier a date may end with; rejects a second one or one placed inside the date.</summary>
    private static string? Qualification(string text, out string body, out bool uncertain, out bool approximate)
    {
        var last = text[^1];
        var hasQualifier = Array.IndexOf(Qualifiers, last) >= 0;
        body = hasQualifier ? text[..^1] : text;
        uncertain = last is '?' or '%';
        approximate = last is '~' or '%';

        if (hasQualifier && body.Length == 0) return $"'{text}' is a qualifier without a date";
        var inner = body.IndexOfAny(Qualifiers);
        if (inner < 0) return null;
        return hasQualifier && inner == body.Length - 1
            ? $"'{text}' has more than one qualifier: use one, % for uncertain and approximate"
            : $"the qualifier '{body[inner]}' in '{text}' must end the whole date, e.g. 2006-08~ (qualifying a part is not supported)";
    }

    /// <summary>Recognises well-known non-EDTF or unsupported forms, to say precisely what to write instead.</summary>
    private static string? Shape(string text, string body)
    {
        if (body == "..") return $"'..' (an open end) is only allowed as one end of an interval, e.g. 1999-04-02/..";
        if (body.Contains("..", StringComparison.Ordinal)) return $"'..' is only allowed as a whole end of an interval in '{text}'";
        if (body.StartsWith('-')) return $"negative years are not supported in '{text}': years run 0001-9999";
        if (body.StartsWith('Y') || body.StartsWith('y')) return $"extended years (Y...) are not supported in '{text}': years run 0001-9999";
        if (body.Contains('T') || body.Contains(':')) return $"'{text}' has a time of day: a historical date is a day, month or year";
        if (body.Contains('X') || body.Contains('x')) return $"unspecified digits (X) are not supported in '{text}': write only the known part, e.g. 2016 or 2016-10";
        if (body.Length is 6 or 8 && body.All(char.IsAsciiDigit))
        {
            var suggestion = body.Length == 8 ? $"{body[..4]}-{body[4..6]}-{body[6..]}" : $"{body[..4]}-{body[4..]}";
            return $"'{text}' is not EDTF: write {suggestion}{text[body.Length..]}";
        }
        return null;
    }

    private static string? YearError(string text, string year) => year switch
    {
        { Length: > 4 } => $"year '{year}' has more than 4 digits in '{text}': years run 0001-9999",
        { Length: < 4 } => $"year '{year}' must have 4 digits in '{text}': write {year.PadLeft(4, '0')}",
        "0000" => $"year 0000 is outside 0001-9999 in '{text}'",
        _ => null,
    };

    private static string? MonthError(string text, string month, string padded)
    {
        if (month.Length != 2) return $"month '{month}' must have two digits in '{text}'{PadHint(month, padded)}";
        var value = int.Parse(month, CultureInfo.InvariantCulture);
        if (value is >= 1 and <= 12) return null;
        var season = value is >= 21 and <= 41 ? " (EDTF seasons and sub-year groupings are not supported)" : "";
        return $"month {month} is not 01-12 in '{text}'{season}";
    }

    private static string? DayError(string text, string day, string padded, string year, int month, int daysInMonth)
    {
        if (day.Length != 2) return $"day '{day}' must have two digits in '{text}'{PadHint(day, padded)}";
        var value = int.Parse(day, CultureInfo.InvariantCulture);
        if (value >= 1 && value <= daysInMonth) return null;
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return $"day {day} does not exist in {monthName} {year} ('{text}'; it has {daysInMonth} days)";
    }

    private static string PadHint(string part, string padded) => part.Length == 1 ? $": write {padded}" : "";
}
