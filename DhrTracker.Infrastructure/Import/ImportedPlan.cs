using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;

namespace DhrTracker.Infrastructure.Import;

public enum ImportSource
{
    Word,
    Excel,
}

/// <summary>
/// An action plan read from a file, before anything is saved: recommendations → actions → milestones, each value
/// with the text the plan wrote and what the importer read from it. The preview shows it and lets the
/// co-ordinator correct it; <see cref="Check"/> lists what must still be put right before it can be saved.
/// </summary>
public sealed class ImportedPlan(string sourceFileName, ImportSource source)
{
    public string SourceFileName { get; } = sourceFileName;

    public ImportSource Source { get; } = source;

    public List<ImportedRecommendation> Recommendations { get; } = [];

    /// <summary>What the co-ordinator should know about the file as a whole: rows skipped, guesses made.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>
    /// Every cell the file holds that the plan does not use (a guidance row, a key under the data, a column that
    /// is not mapped, a row with no action), with why: listed before Confirm and kept in the review's history.
    /// </summary>
    public List<NotImportedCell> NotImported { get; } = [];

    /// <summary>How each agency name the plan writes matched the partnership's agencies (by the name as written).</summary>
    public Dictionary<string, AgencyMatch> AgencyMatches { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ImportedAction> Actions => Recommendations.SelectMany(r => r.Actions);

    public IEnumerable<ImportedMilestone> Milestones => Actions.SelectMany(a => a.Milestones);

    /// <summary>Every agency name the plan uses (addressees, leads, supporters), each once, in the order they first appear.</summary>
    public IReadOnlyList<string> AgencyNames
    {
        get
        {
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rec in Recommendations)
            {
                foreach (var name in rec.AddressedTo.Concat(rec.Actions.SelectMany(a => (a.LeadAgency is null ? [] : new[] { a.LeadAgency }).Concat(a.SupportingAgencies))))
                {
                    if (seen.Add(name))
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }
    }

    /// <summary>Names no agency of the partnership matched: the co-ordinator maps each to an agency or creates it.</summary>
    public IReadOnlyList<string> UnmatchedAgencyNames =>
        AgencyNames.Where(n => !AgencyMatches.TryGetValue(n, out var m) || !m.IsMatched).ToList();

    /// <summary>Matches every agency name the plan uses (again, after an edit added one).</summary>
    public void MatchAgencies(AgencyMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        foreach (var name in AgencyNames.Where(n => !AgencyMatches.ContainsKey(n)))
        {
            AgencyMatches[name] = matcher.Match(name);
        }
    }

    /// <summary>
    /// What stops this plan from being saved as it stands, each with where it is. Agency names are checked by the
    /// caller, who knows the co-ordinator's decisions about unmatched ones.
    /// </summary>
    public IReadOnlyList<ImportProblem> Check()
    {
        var problems = new List<ImportProblem>();
        if (Recommendations.Count == 0)
        {
            problems.Add(new ImportProblem("Plan", "There are no recommendations to import."));
        }

        foreach (var dup in Recommendations.GroupBy(r => r.Number.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            problems.Add(new ImportProblem($"Recommendation {dup.Key}", $"Two recommendations are numbered {dup.Key}: give each its own number."));
        }

        foreach (var rec in Recommendations)
        {
            var where = $"Recommendation {rec.Number}";
            Text(problems, where, rec.Number, TextLimits.RecommendationNumber, "The number");
            Text(problems, where, rec.Text, TextLimits.LongText, "The recommendation text");
            for (var i = 0; i < rec.Actions.Count; i++)
            {
                var action = rec.Actions[i];
                var at = $"{where}, action {i + 1}";
                Text(problems, at, action.Description, TextLimits.LongText, "What the action is");
                if (string.IsNullOrWhiteSpace(action.LeadAgency))
                {
                    problems.Add(new ImportProblem(at + ", lead agency", "Give the lead agency: choose it, or create it."));
                }

                Optional(problems, at, action.LeadOfficer, TextLimits.Name, "The lead officer");
                Optional(problems, at, action.OutcomeSought, TextLimits.Narrative, "The outcome sought");
                Optional(problems, at, action.CompletionOutcome, TextLimits.Narrative, "The outcome");
                Optional(problems, at, action.ProgressNote, TextLimits.Narrative, "The progress note");
                Date(problems, at + ", target date", action.TargetDate);
                Date(problems, at + ", completion date", action.CompletedOn);
                for (var m = 0; m < action.Milestones.Count; m++)
                {
                    var milestone = action.Milestones[m];
                    var mat = $"{at}, milestone {m + 1}";
                    Text(problems, mat, milestone.Description, TextLimits.ShortText, "The milestone");
                    Date(problems, mat + ", due date", milestone.DueOn);
                    if (!milestone.DueOn.HasDate && !milestone.DueOn.IsUnreadable && !action.TargetDate.HasDate)
                    {
                        problems.Add(new ImportProblem(mat, "Give the milestone a due date (the action has no target date to use instead)."));
                    }
                }
            }
        }

        return problems;
    }

    private static void Text(List<ImportProblem> problems, string where, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new ImportProblem(where, $"{label} is empty."));
        }
        else
        {
            Optional(problems, where, value, max, label);
        }
    }

    private static void Optional(List<ImportProblem> problems, string where, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            problems.Add(new ImportProblem(where, $"{label} is {value.Trim().Length} characters long; the most it can be is {max}."));
        }
    }

    private static void Date(List<ImportProblem> problems, string where, PlanDate date)
    {
        if (date.IsUnreadable)
        {
            problems.Add(new ImportProblem(where, $"Could not read the date \"{date.Original}\": correct it, or clear it for no date."));
        }
    }
}

/// <summary>A cell of the file that is not part of the imported plan: where it is, its column, its text and why.</summary>
public sealed record NotImportedCell(string Where, string Column, string Text, string Why);

/// <summary>Something about the plan the co-ordinator should know or put right, and where it is.</summary>
public sealed record ImportProblem(string Where, string Message);

public sealed class ImportedRecommendation
{
    /// <summary>The number as the plan gives it ("3", "3(a)", "10.1.1").</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>Set when the plan gave no number and the importer numbered it.</summary>
    public string? NumberNote { get; set; }

    public string Text { get; set; } = string.Empty;

    public RecommendationScope Scope { get; set; } = RecommendationScope.Local;

    /// <summary>The scope cell as written.</summary>
    public string ScopeOriginal { get; set; } = string.Empty;

    /// <summary>Set when the scope cell did not say local, regional or national.</summary>
    public string? ScopeNote { get; set; }

    /// <summary>The theme row the recommendation sits under, if the plan groups them ("Theme 2 – Processes").</summary>
    public string? Theme { get; set; }

    /// <summary>Agencies the plan says it is addressed to; when empty, the lead agencies of its actions are used.</summary>
    public List<string> AddressedTo { get; } = [];

    public List<ImportedAction> Actions { get; } = [];

    /// <summary>Where in the file it was read ("Table 1, row 3"; "Sheet1, row 5").</summary>
    public string Where { get; set; } = string.Empty;
}

public sealed class ImportedAction
{
    public string Description { get; set; } = string.Empty;

    /// <summary>The lead agency as the plan names it (matched through <see cref="ImportedPlan.AgencyMatches"/>).</summary>
    public string? LeadAgency { get; set; }

    public List<string> SupportingAgencies { get; } = [];

    public string? LeadOfficer { get; set; }

    public string? OutcomeSought { get; set; }

    public PlanDate TargetDate { get; set; } = PlanDate.None;

    public List<ImportedMilestone> Milestones { get; } = [];

    /// <summary>The completion date the plan gives; with <see cref="CompletionOutcome"/> the action is imported as complete.</summary>
    public PlanDate CompletedOn { get; set; } = PlanDate.None;

    public string? CompletionOutcome { get; set; }

    /// <summary>The "date of completion and outcome" cell as written.</summary>
    public string? CompletionOriginal { get; set; }

    /// <summary>What the completion column said of an action not yet complete ("Ongoing – 60% of staff trained").</summary>
    public string? ProgressNote { get; set; }

    /// <summary>
    /// The lettered sub-points of the action cell ("a) … b) … c) …"): read as one action, which the preview
    /// offers to split into one action per part.
    /// </summary>
    public List<string> SplitParts { get; } = [];

    /// <summary>The rating (RAG/BRAG) the plan gives the action, and the cell as written.</summary>
    public Rag? Rating { get; set; }

    public string? RatingOriginal { get; set; }

    /// <summary>Anything else the importer noticed about this action ("several target dates; the latest is used").</summary>
    public List<string> Notes { get; } = [];

    public string Where { get; set; } = string.Empty;

    /// <summary>Complete when the plan gives both the completion date and its outcome.</summary>
    public bool IsComplete => CompletedOn.HasDate && !string.IsNullOrWhiteSpace(CompletionOutcome);

    /// <summary>The plan gives a completion date but no outcome: the action is imported as open until one is added.</summary>
    public bool CompletionNeedsOutcome => CompletedOn.HasDate && string.IsNullOrWhiteSpace(CompletionOutcome);
}

public sealed class ImportedMilestone
{
    public string Description { get; set; } = string.Empty;

    public PlanDate DueOn { get; set; } = PlanDate.None;

    /// <summary>When the plan says it was achieved (shown in the preview; see the import decision record).</summary>
    public PlanDate AchievedOn { get; set; } = PlanDate.None;

    /// <summary>The line of the milestones cell it was read from.</summary>
    public string Original { get; set; } = string.Empty;
}
