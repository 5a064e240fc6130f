using System.Text.RegularExpressions;

namespace DhrTracker.Infrastructure.Import;

/// <summary>What a column of an action plan holds.</summary>
public enum PlanColumn
{
    RecommendationNumber,
    Recommendation,
    Scope,
    Theme,
    Action,
    LeadAgency,
    SupportingAgencies,
    LeadOfficer,
    OutcomeSought,
    Milestones,
    TargetDate,

    /// <summary>"Date of completion and outcome": the date and what was achieved in one column.</summary>
    Completion,
    CompletionDate,
    CompletionOutcome,

    /// <summary>Progress notes or comments on an action that is not yet complete.</summary>
    Progress,

    /// <summary>A RAG/BRAG rating ("Green", "On target", "Blue – complete"): the action's rating in its first progress update.</summary>
    Rating,

    /// <summary>A column the importer recognises and deliberately leaves out.</summary>
    Ignored,
}

/// <summary>
/// Recognises an action plan's columns by the words of their headings, not their position: plans rename and
/// reorder columns ("Action to take", "Actions", "Specific action required"; "Target date", "Timescale").
/// </summary>
public static partial class PlanColumns
{
    /// <summary>The heading words for each column, as the column-mapping step describes them.</summary>
    public static string Describe(PlanColumn column) => column switch
    {
        PlanColumn.RecommendationNumber => "Recommendation number",
        PlanColumn.Recommendation => "Recommendation",
        PlanColumn.Scope => "Scope (local/regional/national)",
        PlanColumn.Theme => "Theme",
        PlanColumn.Action => "Action to take",
        PlanColumn.LeadAgency => "Lead agency",
        PlanColumn.SupportingAgencies => "Supporting agencies",
        PlanColumn.LeadOfficer => "Lead officer",
        PlanColumn.OutcomeSought => "Outcome sought",
        PlanColumn.Milestones => "Key milestones",
        PlanColumn.TargetDate => "Target date",
        PlanColumn.Completion => "Date of completion and outcome",
        PlanColumn.CompletionDate => "Date of completion",
        PlanColumn.CompletionOutcome => "Outcome (evidence of completion)",
        PlanColumn.Progress => "Progress, notes or comments",
        PlanColumn.Rating => "RAG rating",
        _ => "Not imported",
    };

    /// <summary>The column a heading names, or null when it is not a heading the importer knows.</summary>
    public static PlanColumn? Classify(string? heading)
    {
        var h = Normalise(heading);
        if (h.Length == 0 || h.Length > 90)
        {
            return null;
        }

        if (Has(h, "scope"))
        {
            return PlanColumn.Scope;
        }

        if (Has(h, "milestone", "milestones"))
        {
            return PlanColumn.Milestones;
        }

        if (Has(h, "theme", "themes", "category"))
        {
            return PlanColumn.Theme;
        }

        if (Has(h, "rag", "brag", "status", "rating", "rag status"))
        {
            return PlanColumn.Rating;
        }

        if (Target().IsMatch(h))
        {
            return PlanColumn.TargetDate;
        }

        if (Completion().IsMatch(h))
        {
            var outcome = Has(h, "outcome", "outcomes", "evidence", "impact");
            var date = Has(h, "date", "when");
            return outcome && date ? PlanColumn.Completion : outcome ? PlanColumn.CompletionOutcome : PlanColumn.CompletionDate;
        }

        if (Has(h, "evidence") || Regex.IsMatch(h, @"\boutcomes? (achieved|delivered)\b"))
        {
            return PlanColumn.CompletionOutcome;
        }

        if (Has(h, "outcome", "outcomes", "success measure", "measure of success", "success criteria", "intended impact"))
        {
            return PlanColumn.OutcomeSought;
        }

        if (Has(h, "supporting", "support", "partner agencies", "partners", "other agencies", "contributing agencies"))
        {
            return PlanColumn.SupportingAgencies;
        }

        if (Has(h, "officer", "lead officer", "named lead", "lead person", "contact", "lead manager"))
        {
            return PlanColumn.LeadOfficer;
        }

        if (Has(h, "agency", "agencies", "organisation", "organisations", "organization", "owner", "responsibility", "responsible", "lead", "who"))
        {
            return PlanColumn.LeadAgency;
        }

        if (Has(h, "progress", "update", "updates", "comments", "comment", "notes"))
        {
            return PlanColumn.Progress;
        }

        if (Has(h, "action", "actions"))
        {
            return PlanColumn.Action;
        }

        if (Has(h, "recommendation", "recommendations"))
        {
            return Has(h, "no", "number", "ref", "reference", "num") ? PlanColumn.RecommendationNumber : PlanColumn.Recommendation;
        }

        if (h is "no" or "number" or "ref" or "rec" or "rec no" or "ref no" or "item" or "#")
        {
            return PlanColumn.RecommendationNumber;
        }

        return null;
    }

    /// <summary>
    /// The columns of a header row, by position, when the row is an action plan's header: it must name the
    /// recommendation and the action, and at least one of lead agency, target date and milestones.
    /// </summary>
    public static IReadOnlyDictionary<int, PlanColumn>? HeaderOf(IReadOnlyList<(int Position, string Text)> cells)
    {
        var columns = new Dictionary<int, PlanColumn>();
        foreach (var (position, text) in cells)
        {
            if (Classify(text) is { } column && !columns.ContainsValue(column))
            {
                columns[position] = column;
            }
        }

        var roles = columns.Values.ToHashSet();
        var isHeader = (roles.Contains(PlanColumn.Recommendation) || roles.Contains(PlanColumn.RecommendationNumber))
            && roles.Contains(PlanColumn.Action)
            && (roles.Contains(PlanColumn.LeadAgency) || roles.Contains(PlanColumn.TargetDate) || roles.Contains(PlanColumn.Milestones));
        return isHeader ? columns : null;
    }

    private static bool Has(string heading, params string[] words) =>
        words.Any(w => Regex.IsMatch(heading, $@"(^|\s){Regex.Escape(w)}(\s|$)"));

    private static string Normalise(string? heading)
    {
        var chars = (heading ?? string.Empty).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '#' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"\b(target|timescale|timescales|timeframe|time frame|deadline|by when|due date|date due|due by|planned|expected|estimated)\b")]
    private static partial Regex Target();

    [GeneratedRegex(@"\b(completion|completed|complete|date achieved|date closed|date done|closed)\b")]
    private static partial Regex Completion();
}
