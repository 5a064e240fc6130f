using System.Globalization;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Web.Features.Import;

/// <summary>
/// What the co-ordinator decided for one agency name in the plan: an existing agency (<see cref="AgencyId"/>), or a
/// new one to create with <see cref="NewName"/> and <see cref="NewKind"/>.
/// </summary>
public sealed record AgencyChoice(int? AgencyId, string? NewName = null, AgencyKind NewKind = AgencyKind.Other)
{
    public bool CreatesAgency => AgencyId is null;

    public static AgencyChoice Existing(int agencyId) => new(agencyId);

    public static AgencyChoice Create(string name, AgencyKind kind = AgencyKind.Other) => new(null, name, kind);
}

/// <summary>One of the partnership's agencies, as the preview offers it.</summary>
public sealed record AgencyOption(int Id, string Name, AgencyKind Kind);

/// <summary>
/// Everything that stops an edited preview from being saved, checked the same way by the page (to mark it beside
/// the field) and by <see cref="ConfirmImport.ConfirmImportHandler"/> (which refuses before writing anything).
/// </summary>
public static partial class ImportChecks
{
    /// <summary>How far back the tracker accepts a milestone as achieved, as <c>ActionItem.MarkMilestoneAchieved</c> does.</summary>
    public const int AchievedYearsBack = 5;

    public static IReadOnlyList<ImportProblem> Problems(
        ImportedPlan plan,
        IReadOnlyDictionary<string, AgencyChoice> choices,
        IReadOnlyCollection<AgencyOption> agencies,
        IReadOnlyCollection<string> numbersInReview,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = plan.Check().ToList();
        foreach (var rec in plan.Recommendations.Where(r => numbersInReview.Contains(r.Number.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new ImportProblem($"Recommendation {rec.Number}", $"This review already has a recommendation {rec.Number.Trim()}: give this one another number."));
        }

        foreach (var name in plan.AgencyNames)
        {
            if (Message(choices.GetValueOrDefault(name), agencies) is { } message)
            {
                problems.Add(new ImportProblem($"Agency \"{name}\"", message));
            }
        }

        for (var r = 0; r < plan.Recommendations.Count; r++)
        {
            var rec = plan.Recommendations[r];
            if (rec.Scope == RecommendationScope.National && !AddressedTo(rec).Any(n => KindOf(choices.GetValueOrDefault(n), agencies) == AgencyKind.NationalBody))
            {
                problems.Add(new ImportProblem($"Recommendation {rec.Number}", "A national recommendation must be addressed to a national body (for example the Home Office): choose one as the lead agency of an action, or change the scope."));
            }

            for (var a = 0; a < rec.Actions.Count; a++)
            {
                var action = rec.Actions[a];
                var at = $"Recommendation {rec.Number}, action {a + 1}";
                if (action.CompletedOn.Date is { } done && done > today)
                {
                    problems.Add(new ImportProblem(at + ", completion date", "The completion date is in the future."));
                }

                for (var m = 0; m < action.Milestones.Count; m++)
                {
                    var achieved = action.Milestones[m].AchievedOn;
                    var where = $"{at}, milestone {m + 1}, achieved";
                    if (achieved.IsUnreadable)
                    {
                        problems.Add(new ImportProblem(where, $"Could not read the date \"{achieved.Original}\": correct it, or clear it if the milestone is not yet achieved."));
                    }
                    else if (achieved.Date is { } on && on > today)
                    {
                        problems.Add(new ImportProblem(where, "A milestone cannot be achieved in the future."));
                    }
                    else if (achieved.Date is { } old && old < today.AddYears(-AchievedYearsBack))
                    {
                        problems.Add(new ImportProblem(where, $"The tracker records a milestone as achieved only within {AchievedYearsBack} years: clear the achieved date, or mark the action complete instead."));
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>What is wrong with the choice for one agency name, or null.</summary>
    public static string? Message(AgencyChoice? choice, IReadOnlyCollection<AgencyOption> agencies)
    {
        if (choice is null || (choice.AgencyId is null && string.IsNullOrWhiteSpace(choice.NewName)))
        {
            return "Choose the agency this is, or create it.";
        }

        if (choice.AgencyId is { } id && agencies.All(a => a.Id != id))
        {
            return "Choose the agency from the list.";
        }

        if (choice.CreatesAgency && choice.NewName!.Trim().Length > TextLimits.Name)
        {
            return $"The new agency's name must be {TextLimits.Name} characters or fewer.";
        }

        if (choice.CreatesAgency && agencies.Any(a => AgencyMatcher.Normalise(a.Name) == AgencyMatcher.Normalise(choice.NewName)))
        {
            return $"There is already an agency called {choice.NewName!.Trim()}: choose it rather than creating it again.";
        }

        return null;
    }

    /// <summary>The agencies a recommendation is addressed to: as the plan says, or else the lead agencies of its actions.</summary>
    public static IReadOnlyList<string> AddressedTo(ImportedRecommendation recommendation) =>
        recommendation.AddressedTo.Count > 0
            ? recommendation.AddressedTo
            : recommendation.Actions.Select(a => a.LeadAgency).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static AgencyKind? KindOf(AgencyChoice? choice, IReadOnlyCollection<AgencyOption> agencies) =>
        choice is null ? null : choice.AgencyId is { } id ? agencies.FirstOrDefault(a => a.Id == id)?.Kind : choice.NewKind;

    /// <summary>Report order: 1, 2, 3(a), 3(b), 10, 10.1.1 — numbers compared as numbers, the rest as text.</summary>
    public static IComparer<string> NumberOrder { get; } = Comparer<string>.Create(CompareNumbers);

    private static int CompareNumbers(string? x, string? y)
    {
        var a = Parts().Matches(x ?? string.Empty);
        var b = Parts().Matches(y ?? string.Empty);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var pa = a[i].Value;
            var pb = b[i].Value;
            var bothNumbers = long.TryParse(pa, NumberStyles.None, CultureInfo.InvariantCulture, out var na) & long.TryParse(pb, NumberStyles.None, CultureInfo.InvariantCulture, out var nb);
            var c = bothNumbers ? na.CompareTo(nb) : string.Compare(pa, pb, StringComparison.OrdinalIgnoreCase);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    [GeneratedRegex(@"\d+|[^\d\W]+")]
    private static partial Regex Parts();
}
