using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;

namespace DhrTracker.Benchmarks.Twins;

/// <summary>
/// The two documents written the bare way: the rows fetched by hand-written SQL, the same content composed
/// with the same domain rules (status derivation, roll-ups, movement), written with the bare Open XML SDK.
/// </summary>
internal static class DocumentTwins
{
    private static readonly Rag[] Brag = [Rag.Blue, Rag.Green, Rag.Amber, Rag.Red];

    private static string Date(DateOnly d) => DocText.Date(d);

    private static string Date(DateOnly? d, string missing = "—") => DocText.Date(d, missing);

    private static string Plural(int n, string one, string many) => DocText.Plural(n, one, many);

    private static string Counts(BragCounts c) =>
        string.Join(", ", Brag.Where(r => c[r] > 0).Select(r => $"{c[r]} {r.Short()}")) is { Length: > 0 } s ? s : "none";

    // ---- The Home Office action plan --------------------------------------------------------------------

    public static async Task<byte[]> ActionPlanAsync(string connectionString, int partnershipId, int reviewId, DateOnly today)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var r = ("$r", (object?)reviewId);
        var review = (await Sql.ListAsync(c, "SELECT Reference, Kind, PublishedOn FROM Reviews WHERE Id = $r AND PartnershipId = $p",
            x => (Reference: x.GetString(0), Kind: x.Enum<ReviewKind>(1), PublishedOn: x.DateOrNull(2)), p, r)).Single();
        var partnershipName = (await Sql.ListAsync(c, "SELECT Name FROM Partnerships WHERE Id = $p", x => x.GetString(0), p)).Single();
        var settings = (await QueryTwins.SettingsAsync(c, partnershipId)).Single();
        var agencies = (await Sql.ListAsync(c, "SELECT Id, Name FROM Agencies WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p)).ToDictionary(x => x.Item1, x => x.Item2);
        var recs = await Sql.ListAsync(c, "SELECT Id, Number, Text, Scope FROM Recommendations WHERE ReviewId = $r AND PartnershipId = $p ORDER BY SortOrder",
            x => (Id: x.GetInt32(0), Number: x.GetString(1), Text: x.GetString(2), Scope: x.Enum<RecommendationScope>(3)), p, r);
        var addressees = (await Sql.ListAsync(c, "SELECT a.RecommendationId, a.AgencyId FROM RecommendationAddressee a JOIN Recommendations x ON x.Id = a.RecommendationId WHERE x.ReviewId = $r",
            x => (x.GetInt32(0), x.GetInt32(1)), r)).ToLookup(x => x.Item1, x => agencies[x.Item2]);
        var plan = await QueryTwins.ActionsAsync(c, "a.ReviewId = $r AND a.PartnershipId = $p ORDER BY a.SortOrder", wide: true, p, r);
        var supporting = (await Sql.ListAsync(c, "SELECT s.ActionItemId, s.AgencyId FROM ActionSupportingAgency s JOIN Actions a ON a.Id = s.ActionItemId WHERE a.ReviewId = $r",
            x => (x.GetInt32(0), x.GetInt32(1)), r)).ToLookup(x => x.Item1, x => agencies[x.Item2]);
        var milestones = plan.MilestonesByAction;
        var latest = plan.LatestByAction;
        var actionsByRec = plan.Actions.ToLookup(a => a.RecommendationId);

        var statuses = plan.Actions.ToDictionary(a => a.Id, a => ActionStatus.Derive(TwinActions.Facts(a, milestones[a.Id], latest.GetValueOrDefault(a.Id)), today, settings.Thresholds));
        var counts = BragCounts.Of(statuses.Values.Select(s => s.Status));
        var reference = DocText.OneLine(review.Reference);
        var doc = new BareDocument(
            $"{(review.PublishedOn is null ? DocText.ProtectiveMarking + " " : string.Empty)}{partnershipName}\t{reference} action plan",
            $"Produced {Date(today)}");
        doc.P($"{reference} – {review.Kind.LongName()}: action plan");
        doc.P(partnershipName);
        doc.P($"{Plural(recs.Count, "recommendation", "recommendations")} and {Plural(plan.Actions.Count, "action", "actions")}"
            + (plan.Actions.Count > 0 ? $" ({Counts(counts)})" : string.Empty) + $", as at {Date(today)}.");
        doc.Table([Brag.Select(s => s.Describe()).ToList()]);

        var rows = new List<IReadOnlyList<string>> { ActionPlanWriter.ColumnTitles.ToList() };
        foreach (var rec in recs)
        {
            var number = DocText.OneLine(rec.Number);
            var label = number.Length > 0 && char.IsDigit(number[^1]) && !number.Contains('.') ? number + "." : number;
            var to = addressees[rec.Id].Order().ToList();
            var scope = rec.Scope.Describe() + (to.Count > 0 ? "\nAddressed to: " + string.Join(", ", to) : string.Empty);
            var first = true;
            foreach (var a in actionsByRec[rec.Id])
            {
                var status = statuses[a.Id];
                var ms = milestones[a.Id].OrderBy(m => m.DueOn)
                    .Select(m => $"{m.Description} – due {Date(m.DueOn)}; {(m.AchievedOn is { } done ? $"achieved {Date(done)}" : "not yet achieved")}")
                    .DefaultIfEmpty("No milestones set.");
                var support = supporting[a.Id].ToList();
                rows.Add([
                    first ? $"{label} {rec.Text}" : string.Empty,
                    first ? scope : string.Empty,
                    a.Description!,
                    agencies[a.LeadAgencyId] + (support.Count > 0 ? "\nSupported by: " + string.Join(", ", support) : string.Empty),
                    string.Join("\n", ms) + $"\nStatus: {status.Status.Describe()}\n{status.Reason}",
                    Date(a.TargetDate, "Not set") + (a.OriginalTargetDate is { } o && o != a.TargetDate ? $"\n(originally {Date(o)})" : string.Empty),
                    a.CompletionAcceptedOn is null ? string.Empty : $"Completed {Date(a.CompletedOn)}\n{a.CompletionEvidence}",
                ]);
                first = false;
            }
        }

        doc.Table(rows);
        return doc.ToBytes();
    }

    // ---- The quarterly progress paper (board edition) -----------------------------------------------------

    private sealed record Snap(int ActionId, int ReviewId, int RecommendationId, int LeadAgencyId, Rag Status, string Reason, DateOnly? TargetDate, DateOnly? OriginalTargetDate, string? LatestUpdate, DateOnly? LatestUpdateOn);

    private sealed record Stage(string Title, StageState State, DateOnly? DueOn, DateOnly? DoneOn);

    public static async Task<byte[]> QuarterlyPaperAsync(string connectionString, int partnershipId, int closureId, DateOnly today)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var q = ("$q", (object?)closureId);
        var closure = (await Sql.ListAsync(c, "SELECT StartYear, QuarterNumber, ClosedByName FROM QuarterClosures WHERE Id = $q AND PartnershipId = $p",
            x => (Quarter: new FinancialQuarter(x.GetInt32(0), x.GetInt32(1)), By: x.GetString(2)), p, q)).Single();
        var quarter = closure.Quarter;
        var snaps = await Sql.ListAsync(c,
            "SELECT ActionItemId, ReviewId, RecommendationId, LeadAgencyId, Status, Reason, TargetDate, OriginalTargetDate, LatestUpdate, LatestUpdateOn FROM ActionSnapshot WHERE QuarterClosureId = $q",
            x => new Snap(x.GetInt32(0), x.GetInt32(1), x.GetInt32(2), x.GetInt32(3), x.Enum<Rag>(4), x.GetString(5), x.DateOrNull(6), x.DateOrNull(7), x.StringOrNull(8), x.DateOrNull(9)), q);
        var previous = await Sql.ListAsync(c,
            "SELECT s.ActionItemId, s.Status FROM QuarterClosures x JOIN ActionSnapshot s ON s.QuarterClosureId = x.Id WHERE x.PartnershipId = $p AND x.StartYear = $y AND x.QuarterNumber = $n AND x.SupersededAtUtc IS NULL",
            x => (x.GetInt32(0), x.Enum<Rag>(1)), p, ("$y", quarter.Previous.StartYear), ("$n", quarter.Previous.Number));
        var partnershipName = (await Sql.ListAsync(c, "SELECT Name FROM Partnerships WHERE Id = $p", x => x.GetString(0), p)).Single();
        var settings = (await QueryTwins.SettingsAsync(c, partnershipId)).Single();
        var agencies = (await Sql.ListAsync(c, "SELECT Id, Name FROM Agencies WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p)).ToDictionary(x => x.Item1, x => x.Item2);
        var set = await QueryTwins.ReviewsAsync(c, partnershipId);
        var numbers = (await Sql.ListAsync(c, "SELECT Id, Number FROM Recommendations WHERE PartnershipId = $p", x => (x.GetInt32(0), x.GetString(1)), p)).ToDictionary(x => x.Item1, x => x.Item2);
        var actions = (await Sql.ListAsync(c, "SELECT a.Id, a.Description FROM ActionSnapshot s JOIN Actions a ON a.Id = s.ActionItemId WHERE s.QuarterClosureId = $q AND a.PartnershipId = $p",
            x => (x.GetInt32(0), x.GetString(1)), p, q)).ToDictionary(x => x.Item1, x => x.Item2);
        var actionMilestones = (await Sql.ListAsync(c, "SELECT m.ActionItemId, m.Description, m.DueOn, m.AchievedOn FROM ActionSnapshot s JOIN Milestone m ON m.ActionItemId = s.ActionItemId WHERE s.QuarterClosureId = $q",
            x => new TwinMilestone(x.GetInt32(0), x.GetString(1), x.Date(2), x.DateOrNull(3)), q)).ToLookup(m => m.ActionId);

        string Agency(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";
        string Rec(Snap s) => numbers.TryGetValue(s.RecommendationId, out var n) ? n : "?";

        var decisions = set.Decisions.ToLookup(d => d.ReviewId);
        var reports = set.Reports.ToLookup(d => d.ReviewId);
        var family = set.Family.ToLookup(d => d.ReviewId);
        var pauses = set.Pauses.ToLookup(d => d.ReviewId);
        var qa = set.Qa.ToLookup(d => d.ReviewId);
        var reviews = set.Reviews.OrderBy(r => r.NotifiedOn).ToList();
        var stages = reviews.ToDictionary(r => r.Id, r => StageOf(r, decisions[r.Id], qa[r.Id]));
        var timelines = reviews.ToDictionary(r => r.Id, r => Timeline(r, stages[r.Id], decisions[r.Id], reports[r.Id], family[r.Id], pauses[r.Id], qa[r.Id], settings, today));
        var snapsByReview = snaps.ToLookup(s => s.ReviewId);
        var before = previous.ToDictionary(x => x.Item1, x => x.Item2);
        var movement = snaps.Select(s => MovementRules.Between(before.TryGetValue(s.ActionId, out var b) ? b : null, s.Status)).ToList();

        var marked = reviews.Any(r => r.PublishedOn is null && (stages[r.Id] is not (ReviewStage.Closed or ReviewStage.NotCommissioned) || snapsByReview[r.Id].Any()));
        var title = $"Quarterly progress report {quarter.Label}";
        var doc = new BareDocument($"{(marked ? DocText.ProtectiveMarking + " " : string.Empty)}{partnershipName}\t{title}", $"Produced {Date(today)}");
        doc.P(partnershipName);
        doc.P(title);
        doc.P($"{quarter.Months} {quarter.End.Year}");
        doc.P("Report to: The Community Safety Partnership board");
        doc.P($"Produced: {Date(today)}");
        doc.P($"Author: {closure.By}");
        doc.P($"Covers: Domestic homicide and related death reviews and their action plans, {quarter.Label} ({Date(quarter.Start)} to {Date(quarter.End)})");

        doc.P("Summary");
        doc.P("Reviews by stage");
        var byStage = reviews.GroupBy(r => stages[r.Id]).OrderBy(g => g.Key)
            .Select(g => (Stage: g.Key, Count: g.Count(), Overdue: g.Count(r => timelines[r.Id].Any(t => t.State == StageState.Overdue)))).ToList();
        doc.Table([
            ["Stage", "Reviews", "Of which overdue"],
            .. byStage.Select(s => (IReadOnlyList<string>)[s.Stage.Describe(), s.Count.ToString(), s.Overdue.ToString()]),
            ["Total", byStage.Sum(s => s.Count).ToString(), byStage.Sum(s => s.Overdue).ToString()],
        ]);
        var now = BragCounts.Of(snaps.Select(s => s.Status));
        var then = BragCounts.Of(previous.Select(s => s.Item2));
        doc.P("Actions by status");
        doc.P($"Every action's status as frozen when {quarter.Label} was closed, beside its status at the close of {quarter.Previous.Label}.");
        doc.Table([
            ["Status", quarter.Previous.Label, quarter.Label, "Change"],
            .. Brag.Select(r => (IReadOnlyList<string>)[r.Describe(), then[r].ToString(), now[r].ToString(), Change(now[r] - then[r])]),
            ["Total", then.Total.ToString(), now.Total.ToString(), Change(now.Total - then.Total)],
        ]);
        doc.P($"Movement since {quarter.Previous.Label}");
        doc.Table([
            ["Movement", "Actions", "Meaning"],
            ["Improved", movement.Count(m => m == Movement.Improved).ToString(), "Status better than last quarter, not yet complete (for example Red to Amber)."],
            ["Worsened", movement.Count(m => m == Movement.Worsened).ToString(), "Status worse than last quarter (for example Green to Amber)."],
            ["Unchanged", movement.Count(m => m == Movement.Unchanged).ToString(), "Same status as last quarter."],
            ["Completed", movement.Count(m => m == Movement.Completed).ToString(), "Completed in the quarter: evidence accepted (Blue)."],
            ["New", movement.Count(m => m == Movement.New).ToString(), "Actions set since last quarter."],
        ]);

        doc.P("Progress by review");
        foreach (var review in reviews.Where(r => stages[r.Id] is not (ReviewStage.Closed or ReviewStage.NotCommissioned) || snapsByReview[r.Id].Any()))
        {
            var mine = snapsByReview[review.Id].ToList();
            var reached = new List<(string Text, DateOnly? Due, DateOnly? On)>();
            var missed = new List<(string Text, DateOnly? Due, string Update)>();
            foreach (var stage in timelines[review.Id])
            {
                if (stage.DoneOn is { } done && quarter.Contains(done))
                {
                    reached.Add((stage.Title, stage.DueOn, done));
                }
                else if (stage.DoneOn is null && stage.DueOn is { } due && due <= quarter.End && due >= quarter.Start)
                {
                    missed.Add((stage.Title, due, "No progress update has been given."));
                }
            }

            foreach (var s in mine)
            {
                if (!actions.ContainsKey(s.ActionId))
                {
                    continue;
                }

                foreach (var m in actionMilestones[s.ActionId])
                {
                    var where = $"recommendation {Rec(s)}, {Agency(s.LeadAgencyId)}";
                    if (m.AchievedOn is { } achieved && quarter.Contains(achieved))
                    {
                        reached.Add(($"{m.Description} ({where})", m.DueOn, achieved));
                    }
                    else if (quarter.Contains(m.DueOn) && (m.AchievedOn is null || m.AchievedOn > quarter.End))
                    {
                        missed.Add(($"{m.Description}\nRecommendation {Rec(s)}, {Agency(s.LeadAgencyId)}", m.DueOn,
                            string.IsNullOrWhiteSpace(s.LatestUpdate) ? "No progress update has been given." : $"Update of {Date(s.LatestUpdateOn, "unknown date")}:\n{s.LatestUpdate}"));
                    }
                }
            }

            var roll = StatusRollup.Roll(mine.Select(s => new StatusRollup.Part(Rec(s), new StatusAssessment(s.Status, s.Reason))).ToList(), "action");
            var kind = Enum.Parse<ReviewKind>(review.Kind);
            var published = review.PublishedOn is not null;
            var recommendations = mine.Select(s => s.RecommendationId).Distinct().Count();
            doc.P($"{DocText.OneLine(review.Reference)} – {kind.LongName()}");
            doc.P($"Stage: {stages[review.Id].Describe()}{(published ? " (published)" : " (not yet published)")}");
            doc.P($"Recommendations: {(recommendations == 0 ? "none yet" : recommendations + (roll.Counts.Total > 0 ? $"; {Plural(roll.Counts.Total, "action", "actions")} ({Counts(roll.Counts)})" : string.Empty))}");
            doc.Table([["Overall assessment", roll.Status is { } overall ? $"{overall.Describe()}\n{roll.Reason}" : "Not yet rated\nThe review has no actions yet."]]);
            doc.P("Milestones reached in the quarter");
            foreach (var x in reached.OrderBy(x => x.On))
            {
                doc.P($"{x.Text} – achieved {Date(x.On)}{(x.Due is { } d ? $" (due {Date(d)})" : string.Empty)}");
            }

            if (reached.Count == 0)
            {
                doc.P("No milestone was reached in the quarter.");
            }

            doc.P("Milestones missed");
            if (missed.Count == 0)
            {
                doc.P("No milestone was missed.");
            }
            else
            {
                doc.Table([["Milestone", "Due", "Reason and remedial action (latest update)"], .. missed.OrderBy(x => x.Due).Select(x => (IReadOnlyList<string>)[x.Text, Date(x.Due), x.Update])]);
            }

            doc.P("Prospects and risks to delivery");
            var risks = mine.Where(s => s.Status is Rag.Amber or Rag.Red && actions.ContainsKey(s.ActionId)).OrderByDescending(s => s.Status).ToList();
            if (roll.Counts.Total == 0)
            {
                doc.P("The review has no actions yet: delivery will be assessed once the action plan is agreed.");
            }
            else
            {
                var k = roll.Counts;
                doc.P($"Of {Plural(k.Total, "action", "actions")}, {k.Blue} {(k.Blue == 1 ? "is" : "are")} complete and {k.Green} on target; {k.Amber} {(k.Amber == 1 ? "is" : "are")} Amber and {k.Red} Red{(k.Total - k.Blue == 0 ? ". The action plan is delivered." : ".")}");
                if (risks.Count == 0)
                {
                    doc.P("No action is Amber or Red: no risk to delivery is reported.");
                }
                else
                {
                    doc.Table([
                        ["Recommendation and action", "Lead agency", "Status", "Latest update"],
                        .. risks.Select(s => (IReadOnlyList<string>)[
                            $"Recommendation {Rec(s)}\n{actions[s.ActionId]}", Agency(s.LeadAgencyId), $"{s.Status.Describe()}\n{s.Reason}",
                            string.IsNullOrWhiteSpace(s.LatestUpdate) ? "No progress update has been given." : $"{Date(s.LatestUpdateOn, "Undated")}:\n{s.LatestUpdate}"]),
                    ]);
                }
            }
        }

        var references = reviews.ToDictionary(r => r.Id, r => r.Reference);
        var overdue = snaps
            .Where(s => s.Status != Rag.Blue && s.TargetDate is { } t && t < quarter.End && actions.ContainsKey(s.ActionId) && references.ContainsKey(s.ReviewId))
            .Select(s => (Agency: DocText.OneLine(Agency(s.LeadAgencyId)), Snap: s, Days: quarter.End.DayNumber - s.TargetDate!.Value.DayNumber))
            .ToList();
        doc.P("Appendix: overdue actions by lead agency");
        if (overdue.Count == 0)
        {
            doc.P($"No action was overdue at the end of {quarter.Label}.");
        }
        else
        {
            doc.P($"{Plural(overdue.Count, "action was", "actions were")} past the target date and not complete at the end of {quarter.Label} ({Date(quarter.End)}).");
            var rows = new List<IReadOnlyList<string>> { new[] { "Review", "Recommendation and action", "Target date", "Days overdue", "Status" } };
            foreach (var group in overdue.GroupBy(o => o.Agency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add([$"{group.Key} – {Plural(group.Count(), "overdue action", "overdue actions")}"]);
                foreach (var (_, s, days) in group.OrderByDescending(o => o.Days))
                {
                    rows.Add([
                        references[s.ReviewId], $"Recommendation {Rec(s)}\n{actions[s.ActionId]}",
                        Date(s.TargetDate, "Not set") + (s.OriginalTargetDate is { } o && o != s.TargetDate ? $"\n(originally {Date(o)})" : string.Empty),
                        days.ToString(), $"{s.Status.Describe()}\n{s.Reason}",
                    ]);
                }
            }

            doc.Table(rows);
        }

        return doc.ToBytes();
    }

    private static string Change(int delta) => delta switch { > 0 => "+" + delta, < 0 => "−" + -delta, _ => "No change" };

    private static ReviewStage StageOf(TwinReview r, IEnumerable<TwinDecision> decisions, IEnumerable<TwinQa> qa)
    {
        var decision = decisions.OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id).FirstOrDefault();
        var latestQa = qa.OrderByDescending(x => x.SubmittedOn).ThenByDescending(x => x.Id).FirstOrDefault();
        return r switch
        {
            { ClosedOn: not null } => ReviewStage.Closed,
            _ when decision is null => ReviewStage.AwaitingDecision,
            _ when decision.Outcome == nameof(DecisionOutcome.DoNotCommission) => ReviewStage.NotCommissioned,
            { PublishedOn: not null } => ReviewStage.ActionPlanDelivery,
            _ when latestQa is not null => latestQa.Outcome switch
            {
                nameof(QaOutcome.Publish) or nameof(QaOutcome.PublishAfterChanges) => ReviewStage.Publication,
                nameof(QaOutcome.Resubmit) => ReviewStage.OverviewReport,
                _ => ReviewStage.QualityAssurance,
            },
            { OverviewDraftedOn: not null } => ReviewStage.OverviewReport,
            { TermsOfReferenceAgreedOn: not null } => ReviewStage.UnderReview,
            { ChairAppointedOn: null } => ReviewStage.ChairToBeAppointed,
            _ => ReviewStage.PanelAndTerms,
        };
    }

    /// <summary>The due and done dates of each of the twelve stages, by the rules of ReviewTimeline (the parts a paper shows).</summary>
    private static List<Stage> Timeline(TwinReview r, ReviewStage stage, IEnumerable<TwinDecision> decisionRows, IEnumerable<TwinReport> reportRows, IEnumerable<TwinFamily> familyRows,
        IEnumerable<TwinPause> pauseRows, IEnumerable<TwinQa> qaRows, PartnershipSettings settings, DateOnly today)
    {
        var decisions = decisionRows.ToList();
        var decision = decisions.OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id).FirstOrDefault();
        var commissioned = decision is not null && decision.Outcome != nameof(DecisionOutcome.DoNotCommission);
        var reports = reportRows.ToList();
        var family = familyRows.ToList();
        var pauses = pauseRows.ToList();
        var latestQa = qaRows.OrderByDescending(x => x.SubmittedOn).ThenByDescending(x => x.Id).FirstOrDefault();
        Stage S(int n, bool due, DateOnly? dueOn, DateOnly? done) =>
            new(ReviewStageNumber.Title(n), due ? (dueOn < today ? StageState.Overdue : StageState.Due) : StageState.InProgress, dueOn, done);

        var outstanding = reports.Where(x => x.ReceivedOn is null).OrderBy(x => x.DueOn).ToList();
        var firstCommissioned = decisions.Where(d => d.Outcome != nameof(DecisionOutcome.DoNotCommission)).Select(d => (DateOnly?)d.DecidedOn).Min();
        DateOnly? completionDue = commissioned
            ? ReviewTimeline.CompletionDue(firstCommissioned ?? decision!.DecidedOn, pauses.Select(x => (x.StartedOn, x.EndedOn)), today, settings)
            : null;
        var published = latestQa?.Outcome is nameof(QaOutcome.Publish) or nameof(QaOutcome.PublishAfterChanges);
        return
        [
            S(ReviewStageNumber.Notification, false, null, r.NotifiedOn),
            S(ReviewStageNumber.Decision, decision is null, DateMath.AddMonths(r.NotifiedOn, settings.DecisionDueMonths), decision?.DecidedOn),
            decision is null
                ? S(ReviewStageNumber.HomeOfficeNotified, false, null, null)
                : S(ReviewStageNumber.HomeOfficeNotified, r.HomeOfficeNotifiedOn is null, DateMath.AddMonths(decision.DecidedOn, settings.HomeOfficeNotificationDueMonths), r.HomeOfficeNotifiedOn),
            S(ReviewStageNumber.ChairAppointed, false, null, r.ChairAppointedOn),
            S(ReviewStageNumber.PanelAndTerms, false, null, r.TermsOfReferenceAgreedOn),
            S(ReviewStageNumber.AgencyReports, outstanding.Count > 0, outstanding.FirstOrDefault()?.DueOn,
                reports.Count > 0 && outstanding.Count == 0 ? reports.Max(x => x.ReceivedOn) : null),
            S(ReviewStageNumber.Family, false, null, family.Count > 0 ? family.Max(f => f.RespondedOn ?? f.ContactOfferedOn) : null),
            S(ReviewStageNumber.ParallelProceedings, false, null, pauses.Where(x => x.EndedOn is not null).Select(x => x.EndedOn).Max()),
            S(ReviewStageNumber.OverviewReport, r.CspSignedOffOn is null && commissioned, completionDue, r.CspSignedOffOn),
            S(ReviewStageNumber.QualityAssurance, false, null, published ? latestQa!.FeedbackLetterOn : null),
            S(ReviewStageNumber.Publication, false, null, r.PublishedOn),
            S(ReviewStageNumber.Closure, false, null, stage == ReviewStage.Closed ? r.ClosedOn : null),
        ];
    }
}
