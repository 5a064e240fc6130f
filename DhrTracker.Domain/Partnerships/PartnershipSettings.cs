using DhrTracker.Domain.Common;

namespace DhrTracker.Domain.Partnerships;

/// <summary>
/// The timescales and thresholds DOMAIN.md marks as configurable, with its defaults. Held per partnership
/// and editable by the administrator.
/// </summary>
public sealed record PartnershipSettings
{
    public int DecisionDueMonths { get; init; } = 1;
    public int HomeOfficeNotificationDueMonths { get; init; } = 1;
    public int CompletionDueMonths { get; init; } = 6;
    public int AgencyReportDueDays { get; init; } = 42;
    public int AmberMilestoneOverdueDays { get; init; } = 30;
    public int StaleUpdateDays { get; init; } = 90;

    /// <summary>The overview report's headings, one a line, in order (local practice varies).</summary>
    public string OverviewReportHeadings { get; init; } = string.Join('\n', DefaultOverviewHeadings);

    public static readonly IReadOnlyList<string> DefaultOverviewHeadings =
    [
        "Introduction", "Timescales", "Confidentiality", "Terms of Reference", "Methodology",
        "Involvement of Family", "Contributors to the Review", "The Review Panel Members",
        "Author of the Overview Report", "Parallel Reviews", "Equality and Diversity", "Dissemination",
        "Background Information (the facts)", "Chronology", "Overview", "Analysis", "Conclusions",
        "Lessons to be Learnt", "Recommendations",
    ];

    public static PartnershipSettings Defaults() => new();

    public IReadOnlyList<string> HeadingList =>
        OverviewReportHeadings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public StatusThresholds Thresholds => new(AmberMilestoneOverdueDays, StaleUpdateDays);

    public void Validate()
    {
        Guard.Range(DecisionDueMonths, 1, 12, nameof(DecisionDueMonths), "Decision due (months)");
        Guard.Range(HomeOfficeNotificationDueMonths, 1, 12, nameof(HomeOfficeNotificationDueMonths), "Home Office told within (months)");
        Guard.Range(CompletionDueMonths, 1, 36, nameof(CompletionDueMonths), "Completion due (months)");
        Guard.Range(AgencyReportDueDays, 7, 365, nameof(AgencyReportDueDays), "Agency report due (days)");
        Guard.Range(AmberMilestoneOverdueDays, 1, 365, nameof(AmberMilestoneOverdueDays), "Amber up to (days overdue)");
        Guard.Range(StaleUpdateDays, 7, 365, nameof(StaleUpdateDays), "No update for (days)");
        if (HeadingList.Count == 0)
        {
            throw new DomainException("Give at least one overview report heading.", nameof(OverviewReportHeadings));
        }

        if (OverviewReportHeadings.Length > TextLimits.LongText)
        {
            throw new DomainException($"Overview report headings must be {TextLimits.LongText} characters or fewer.", nameof(OverviewReportHeadings));
        }
    }
}

/// <summary>The two numbers that tip an action from Green to Amber to Red.</summary>
public readonly record struct StatusThresholds(int AmberMilestoneOverdueDays, int StaleUpdateDays)
{
    public static StatusThresholds Default => new(30, 90);
}
