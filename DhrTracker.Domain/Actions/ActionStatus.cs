using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Domain.Actions;

/// <summary>The facts status is derived from, so that queries can derive it without loading whole actions.</summary>
public sealed record ActionStatusFacts(
    DateOnly CreatedOn,
    DateOnly? TargetDate,
    DateOnly? CompletionAcceptedOn,
    IReadOnlyList<MilestoneFact> Milestones,
    DateOnly? LastUpdateOn,
    Rag? OfficerAssessment,
    string? OfficerAssessmentReason);

public sealed record MilestoneFact(string Description, DateOnly DueOn, DateOnly? AchievedOn);

/// <summary>
/// DOMAIN.md's status table as code. Blue only once completion is accepted; Red when a milestone is more
/// than the threshold overdue or the target date has passed; Amber when a milestone is overdue within the
/// threshold or there has been no update for too long; otherwise Green. The lead officer may rate worse,
/// never better.
/// </summary>
public static class ActionStatus
{
    public static StatusAssessment Derive(ActionStatusFacts facts, DateOnly today, StatusThresholds thresholds)
    {
        var fromDates = FromDates(facts, today, thresholds);
        if (fromDates.Status == Rag.Blue)
        {
            return fromDates;
        }

        if (facts.OfficerAssessment is { } rated && rated > fromDates.Status)
        {
            return new StatusAssessment(rated,
                $"Rated {rated} by the lead officer: {facts.OfficerAssessmentReason ?? "no reason given"} (the dates alone say {fromDates.Status}: {Lower(fromDates.Reason)})");
        }

        return fromDates;
    }

    public static StatusAssessment FromDates(ActionStatusFacts facts, DateOnly today, StatusThresholds thresholds)
    {
        if (facts.CompletionAcceptedOn is { } accepted)
        {
            return new StatusAssessment(Rag.Blue, $"Complete: evidence accepted on {accepted:d MMMM yyyy}");
        }

        var worstMilestone = facts.Milestones
            .Where(m => m.AchievedOn is null && m.DueOn < today)
            .Select(m => (m.Description, Days: DateMath.DaysBetween(m.DueOn, today)))
            .OrderByDescending(m => m.Days)
            .FirstOrDefault();

        if (facts.TargetDate is { } target && target < today)
        {
            var days = DateMath.DaysBetween(target, today);
            return new StatusAssessment(Rag.Red, $"Target date {target:d MMMM yyyy} passed {days} {Days(days)} ago and the action is not complete");
        }

        if (worstMilestone.Description is not null && worstMilestone.Days > thresholds.AmberMilestoneOverdueDays)
        {
            return new StatusAssessment(Rag.Red, $"Milestone '{worstMilestone.Description}' overdue by {worstMilestone.Days} {Days(worstMilestone.Days)}");
        }

        if (worstMilestone.Description is not null)
        {
            return new StatusAssessment(Rag.Amber, $"Milestone '{worstMilestone.Description}' overdue by {worstMilestone.Days} {Days(worstMilestone.Days)}");
        }

        var since = facts.LastUpdateOn ?? facts.CreatedOn;
        var quietDays = DateMath.DaysBetween(since, today);
        if (quietDays >= thresholds.StaleUpdateDays)
        {
            return new StatusAssessment(Rag.Amber, facts.LastUpdateOn is null
                ? $"No progress update since the action was set {quietDays} days ago"
                : $"No progress update for {quietDays} days");
        }

        return new StatusAssessment(Rag.Green, facts.TargetDate is { } t
            ? $"On target: no milestone overdue and the target date {t:d MMMM yyyy} not passed"
            : "On target: no milestone overdue");
    }

    /// <summary>Open and past a date it promised: its target date, or the due date of a milestone not yet achieved.</summary>
    public static bool IsOverdue(ActionStatusFacts facts, DateOnly today) =>
        facts.CompletionAcceptedOn is null
        && ((facts.TargetDate is { } target && target < today) || facts.Milestones.Any(m => m.AchievedOn is null && m.DueOn < today));

    /// <summary>Days since the last progress update (or since the action was set, when there has been none).</summary>
    public static int DaysWithoutUpdate(ActionStatusFacts facts, DateOnly today) =>
        DateMath.DaysBetween(facts.LastUpdateOn ?? facts.CreatedOn, today);

    /// <summary>Open with no progress update for the partnership's "no update" threshold or longer.</summary>
    public static bool IsWithoutRecentUpdate(ActionStatusFacts facts, DateOnly today, StatusThresholds thresholds) =>
        facts.CompletionAcceptedOn is null && DaysWithoutUpdate(facts, today) >= thresholds.StaleUpdateDays;

    private static string Days(int n) => n == 1 ? "day" : "days";

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}

/// <summary>Counts of actions in each status.</summary>
public sealed record BragCounts(int Blue, int Green, int Amber, int Red)
{
    public static readonly BragCounts Empty = new(0, 0, 0, 0);

    public int Total => Blue + Green + Amber + Red;

    public int this[Rag rag] => rag switch
    {
        Rag.Blue => Blue,
        Rag.Green => Green,
        Rag.Amber => Amber,
        _ => Red,
    };

    public static BragCounts Of(IEnumerable<Rag> statuses)
    {
        int b = 0, g = 0, a = 0, r = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case Rag.Blue: b++; break;
                case Rag.Green: g++; break;
                case Rag.Amber: a++; break;
                default: r++; break;
            }
        }

        return new BragCounts(b, g, a, r);
    }

    public BragCounts Add(BragCounts other) => new(Blue + other.Blue, Green + other.Green, Amber + other.Amber, Red + other.Red);

    public override string ToString() => $"{Blue} Blue, {Green} Green, {Amber} Amber, {Red} Red";
}

/// <summary>
/// A recommendation's status rolls up from its actions, a review's from its recommendations: the worst open
/// status, Blue only when everything is Blue.
/// </summary>
public static class StatusRollup
{
    public sealed record Part(string Label, StatusAssessment Assessment);

    public sealed record Result(Rag? Status, string Reason, BragCounts Counts);

    public static Result Roll(IReadOnlyCollection<Part> parts, string partName)
    {
        if (parts.Count == 0)
        {
            return new Result(null, $"No {partName}s yet", BragCounts.Empty);
        }

        var counts = BragCounts.Of(parts.Select(p => p.Assessment.Status));
        if (counts.Blue == parts.Count)
        {
            return new Result(Rag.Blue, $"All {parts.Count} {partName}(s) complete", counts);
        }

        var worst = parts.Where(p => p.Assessment.Status != Rag.Blue).Max(p => p.Assessment.Status);
        var worstParts = parts.Where(p => p.Assessment.Status == worst).ToList();
        var first = worstParts[0];
        var others = worstParts.Count > 1 ? $" (and {worstParts.Count - 1} more {worst})" : string.Empty;
        return new Result(worst, $"{Capitalise(partName)} {first.Label} is {worst}: {first.Assessment.Reason}{others}", counts);
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
