using System.Globalization;
using System.Net;
using System.Text;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;

namespace DhrTracker.Web.Features.Notifications;

/// <summary>
/// Writes the digests. Every line is built from references, action numbers, counts, dates, agency names and links:
/// never a pseudonym, the circumstances, a milestone's or an action's description, or a recommendation's text, which
/// may all carry case detail and must not leave the app by e-mail (DigestContentTests checks every kind of message).
/// </summary>
public static class DigestWriter
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public sealed record Line(string Text, string? Link);

    public sealed record Section(string Heading, IReadOnlyList<Line> Lines);

    public sealed record Message(string Subject, string Intro, string Link, IReadOnlyList<Section> Sections, string BaseUrl)
    {
        public IEnumerable<Line> Lines => Sections.SelectMany(s => s.Lines);

        public string Text()
        {
            var text = new StringBuilder().AppendLine(Intro).AppendLine();
            foreach (var section in Sections)
            {
                text.AppendLine(section.Heading);
                foreach (var line in section.Lines)
                {
                    text.Append("- ").Append(line.Text);
                    if (line.Link is not null)
                    {
                        text.Append(": ").Append(BaseUrl).Append(line.Link);
                    }

                    text.AppendLine();
                }

                text.AppendLine();
            }

            return text.Append("Open DhrTracker: ").Append(BaseUrl).AppendLine(Link)
                .AppendLine().AppendLine("This message holds no case detail: sign in to see it. You can change what you receive, or pause it while on leave, under Notifications in DhrTracker.")
                .ToString();
        }

        public string Html()
        {
            static string E(string s) => WebUtility.HtmlEncode(s);
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").Append(E(Subject)).Append("</title></head><body>")
                .Append("<p>").Append(E(Intro)).Append("</p>");
            foreach (var section in Sections)
            {
                html.Append("<h2>").Append(E(section.Heading)).Append("</h2><ul>");
                foreach (var line in section.Lines)
                {
                    html.Append("<li>");
                    if (line.Link is not null)
                    {
                        html.Append("<a href=\"").Append(E(BaseUrl + line.Link)).Append("\">").Append(E(line.Text)).Append("</a>");
                    }
                    else
                    {
                        html.Append(E(line.Text));
                    }

                    html.Append("</li>");
                }

                html.Append("</ul>");
            }

            return html.Append("<p><a href=\"").Append(E(BaseUrl + Link)).Append("\">Open DhrTracker</a></p>")
                .Append("<p>This message holds no case detail: sign in to see it. You can change what you receive, or pause it while on leave, under Notifications in DhrTracker.</p></body></html>")
                .ToString();
        }
    }

    private static string D(DateOnly date) => date.ToString("d MMM yyyy", EnGb);

    private static string Action(DigestData.OpenAction a) => $"{a.Reference} action {a.Number}";

    private static string ActionLink(int id) => $"/actions/{id}";

    private static Message? Build(string subject, string intro, string link, string baseUrl, params Section[] sections)
    {
        var kept = sections.Where(s => s.Lines.Count > 0).ToList();
        return kept.Count == 0 ? null : new Message(subject, intro, link, kept, baseUrl);
    }

    /// <summary>A lead officer's week: their agency's milestones due soon, what is overdue, what was decided since the last digest, agency reports due.</summary>
    public static Message? LeadOfficer(DigestData data, DigestData.Person person, DateTime previousPeriodStartUtc, string baseUrl)
    {
        if (person.AgencyId is not { } agencyId)
        {
            return null;
        }

        var today = data.Today;
        var mine = data.Actions.Where(a => a.Action.LeadAgencyId == agencyId).ToList();
        var dueSoon = mine
            .SelectMany(a => a.Action.Milestones.Where(m => m.AchievedOn is null && m.DueOn >= today && m.DueOn <= today.AddDays(14))
                .Select(m => (m.DueOn, Line: new Line($"{Action(a)}: milestone due {D(m.DueOn)}", ActionLink(a.Action.Id)))))
            .OrderBy(x => x.DueOn).Select(x => x.Line).ToList();
        var overdue = mine
            .Where(a => a.Action.TargetDate is { } t && t < today)
            .Select(a => new Line($"{Action(a)}: target date {D(a.Action.TargetDate!.Value)} passed", ActionLink(a.Action.Id)))
            .Concat(mine.SelectMany(a => a.Action.Milestones.Where(m => m.AchievedOn is null && m.DueOn < today)
                .OrderBy(m => m.DueOn)
                .Select(m => new Line($"{Action(a)}: milestone due {D(m.DueOn)} not yet achieved", ActionLink(a.Action.Id)))))
            .ToList();
        var since = UkTime.DateOf(previousPeriodStartUtc);
        var decided = mine
            .Where(a => a.Action.LastReturnedOn is { } returned && returned >= since && !a.Action.CompletionAwaitingReview)
            .Select(a => new Line($"{Action(a)}: completion returned on {D(a.Action.LastReturnedOn!.Value)}", ActionLink(a.Action.Id)))
            .Concat(mine.SelectMany(a => a.Action.TargetRevisions
                .Where(r => r.DecidedAtUtc is { } at && at >= previousPeriodStartUtc && r.State != RevisionState.Pending)
                .Select(r => new Line($"{Action(a)}: revised target date {D(r.RequestedDate)} {(r.State == RevisionState.Approved ? "approved" : "refused")} on {D(UkTime.DateOf(r.DecidedAtUtc!.Value))}", ActionLink(a.Action.Id)))))
            .ToList();
        var reports = data.Reviews
            .SelectMany(r => r.AgencyReports.Where(x => x.AgencyId == agencyId && x.IsOutstanding && x.DueOn <= today.AddDays(14))
                .Select(x => (x.DueOn, Line: new Line(
                    $"{r.Reference}: {ReportName(x.Kind)} {(x.DueOn < today ? $"overdue since {D(x.DueOn)}" : $"due {D(x.DueOn)}")}", "/agency-reports"))))
            .OrderBy(x => x.DueOn).Select(x => x.Line).ToList();
        var quarter = FinancialQuarter.Containing(today);
        var closing = mine.Count > 0 && quarter.IsInLastFortnight(today)
            ? new List<Line> { new($"Update your agency's {mine.Count} open {(mine.Count == 1 ? "action" : "actions")} before the quarter closes on {D(quarter.End)}", "/actions/mine") }
            : [];
        var agency = data.AgencyName(agencyId);
        return Build(
            $"DhrTracker: {agency} actions, week beginning {D(today)}",
            $"What {agency} has due or overdue in DhrTracker.",
            "/actions/mine",
            baseUrl,
            new Section($"Milestones due in the next 14 days ({dueSoon.Count})", dueSoon),
            new Section($"Overdue ({overdue.Count})", overdue),
            new Section($"Decided since your last digest ({decided.Count})", decided),
            new Section($"Agency reports due or overdue ({reports.Count})", reports),
            new Section("Quarter closing", closing));
    }

    /// <summary>The co-ordinator's week: what waits for their decision, quiet actions, overdue actions by agency, review stages due.</summary>
    public static Message? Coordinator(DigestData data, string baseUrl)
    {
        var today = data.Today;
        var thresholds = data.Settings.Thresholds;
        var waiting = data.Actions.Where(a => a.Action.CompletionAwaitingReview)
            .Select(a => new Line($"{Action(a)} ({data.AgencyName(a.Action.LeadAgencyId)}): completion proposed{(a.Action.ProposedCompletionOn is { } on ? $", completed {D(on)}" : string.Empty)}", ActionLink(a.Action.Id)))
            .Concat(data.Actions.Where(a => a.Action.PendingRevision is not null)
                .Select(a => new Line($"{Action(a)} ({data.AgencyName(a.Action.LeadAgencyId)}): revised target date {D(a.Action.PendingRevision!.RequestedDate)} requested", ActionLink(a.Action.Id))))
            .ToList();
        var quiet = data.Actions.Where(a => ActionStatus.IsWithoutRecentUpdate(a.Action.StatusFacts(), today, thresholds))
            .Select(a => new Line($"{Action(a)} ({data.AgencyName(a.Action.LeadAgencyId)}): no update for {ActionStatus.DaysWithoutUpdate(a.Action.StatusFacts(), today)} days", ActionLink(a.Action.Id)))
            .ToList();
        var overdue = data.Actions.Where(a => ActionStatus.IsOverdue(a.Action.StatusFacts(), today))
            .GroupBy(a => data.AgencyName(a.Action.LeadAgencyId))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Line($"{g.Key}: {g.Count()} overdue ({string.Join(", ", g.Select(Action))})", "/dashboards/delivery"))
            .ToList();
        var stages = StagesDue(data, 14);
        return Build(
            $"DhrTracker: co-ordinator's week beginning {D(today)}",
            "What is waiting for you and what is due in DhrTracker.",
            "/dashboards/delivery",
            baseUrl,
            new Section($"Waiting for your decision ({waiting.Count})", waiting),
            new Section($"No update for {thresholds.StaleUpdateDays} days or more ({quiet.Count})", quiet),
            new Section("Overdue actions by agency", overdue),
            new Section($"Review stages due in the next 14 days or overdue ({stages.Count})", stages));
    }

    /// <summary>The chair's month: decisions due, stages overdue, and actions Red for longer than the partnership allows, by agency.</summary>
    public static Message? Chair(DigestData data, int escalateRedAfterDays, string baseUrl)
    {
        var today = data.Today;
        var thresholds = data.Settings.Thresholds;
        var decisions = data.Reviews.Where(r => r.CurrentDecision is null)
            .Select(r => (Due: ReviewTimeline.DecisionDue(r.NotifiedOn, data.Settings), r))
            .OrderBy(x => x.Due)
            .Select(x => new Line($"{x.r.Reference}: decision {(x.Due < today ? $"overdue since {D(x.Due)}" : $"due {D(x.Due)}")}", $"/reviews/{x.r.Id}"))
            .ToList();
        var stages = StagesDue(data, 0).Where(l => l.Text.Contains("overdue", StringComparison.OrdinalIgnoreCase)).ToList();
        var escalated = data.Actions
            .Select(a => (a, Since: RedSince(a.Action.StatusFacts(), today, thresholds)))
            .Where(x => x.Since is { } since && DateMath.DaysBetween(since, today) > escalateRedAfterDays)
            .GroupBy(x => data.AgencyName(x.a.Action.LeadAgencyId))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Line($"{g.Key}: {g.Count()} {(g.Count() == 1 ? "action" : "actions")} Red for more than {escalateRedAfterDays} days ({string.Join(", ", g.Select(x => Action(x.a)))})", "/dashboards/chair"))
            .ToList();
        return Build(
            $"DhrTracker: chair's summary for {today.ToString("MMMM yyyy", EnGb)}",
            "Decisions due, stages overdue and escalations in DhrTracker.",
            "/dashboards/chair",
            baseUrl,
            new Section($"Decisions due ({decisions.Count})", decisions),
            new Section($"Review stages overdue ({stages.Count})", stages),
            new Section($"Escalation: Red for more than {escalateRedAfterDays} days, by agency", escalated));
    }

    /// <summary>What happened to an agency's actions in the last few minutes, gathered into one message.</summary>
    public static Message Events(IReadOnlyList<PendingEvent> events, DigestData data, string baseUrl)
    {
        var lines = events.OrderBy(e => e.Id).Select(e =>
        {
            var (reference, number) = data.Numbers.TryGetValue(e.ActionId, out var n) ? n : (e.Reference, e.ActionNumber);
            var what = e.Kind switch
            {
                EventKind.NewAction => "new action for your agency",
                EventKind.CompletionReturned => "completion returned",
                _ => "revised target date refused",
            };
            return new Line($"{reference} action {number}: {what}", ActionLink(e.ActionId));
        }).ToList();
        return new Message(
            $"DhrTracker: {lines.Count} {(lines.Count == 1 ? "change" : "changes")} to your agency's actions",
            "Changes to your agency's actions in the last few minutes.",
            "/actions/mine",
            [new Section("What changed", lines)],
            baseUrl);
    }

    private static List<Line> StagesDue(DigestData data, int withinDays) =>
        data.Reviews
            .SelectMany(r => ReviewTimeline.DueWithin(r, data.Settings, data.Today, withinDays).Select(i => (r, i)))
            .OrderBy(x => x.i.DueOn).ThenBy(x => x.r.Reference, StringComparer.Ordinal)
            .Select(x => new Line($"{x.r.Reference}: stage {x.i.Stage} {x.i.Title}, {x.i.DueText(data.Today).ToLowerInvariant()} ({D(x.i.DueOn)})", $"/reviews/{x.r.Id}/stages/{x.i.Stage}"))
            .ToList();

    /// <summary>The first day an open action was Red by its dates: the day after its target date, or after a milestone's amber allowance ran out.</summary>
    public static DateOnly? RedSince(ActionStatusFacts facts, DateOnly today, Domain.Partnerships.StatusThresholds thresholds)
    {
        if (facts.CompletionAcceptedOn is not null)
        {
            return null;
        }

        var candidates = new List<DateOnly>();
        if (facts.TargetDate is { } target && target < today)
        {
            candidates.Add(target.AddDays(1));
        }

        candidates.AddRange(facts.Milestones
            .Where(m => m.AchievedOn is null && m.DueOn.AddDays(thresholds.AmberMilestoneOverdueDays + 1) <= today)
            .Select(m => m.DueOn.AddDays(thresholds.AmberMilestoneOverdueDays + 1)));
        return candidates.Count == 0 ? null : candidates.Min();
    }

    private static string ReportName(AgencyReportKind kind) => kind switch
    {
        AgencyReportKind.IndividualManagementReview => "agency report (IMR)",
        AgencyReportKind.Chronology => "chronology",
        _ => "summary of involvement",
    };
}
