using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.ReadModels;
using DhrTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Quarters;

/// <summary>A closed quarter the paper measures movement against: its label and every action's frozen status.</summary>
public sealed record EarlierQuarter(FinancialQuarter Quarter, IReadOnlyList<(int ActionId, Rag Status)> Statuses);

/// <summary>
/// Builds a quarter's paper from the data as it stood on one day: each review as it was then
/// (<see cref="Review.AsAt"/>: a review notified later is not there, a QA letter sent later is not yet received), the
/// statuses frozen in the snapshots, and the movement against the latest quarter closed before it. Closing a quarter
/// builds it once and keeps it (<see cref="QuarterRecordJson"/>); the open quarter's draft is built on each download.
/// </summary>
public static class QuarterPapers
{
    /// <summary>The day a quarter's figures stand at: the closing day, or the quarter's last day if it closes late.</summary>
    public static DateOnly AsAt(FinancialQuarter quarter, DateOnly closingDay) => closingDay < quarter.End ? closingDay : quarter.End;

    /// <summary>Every action set by the quarter's end, with its status on <paramref name="asOf"/>.</summary>
    public static async Task<List<ActionSnapshot>> SnapshotsAsync(DhrDbContext db, FinancialQuarter quarter, DateOnly asOf, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var end = quarter.End;
        // One pass over the partnership's actions: the status facts and what the snapshot keeps come from the same rows.
        var actions = db.Actions.AsNoTracking().InScope(db).Where(a => a.CreatedOn <= end);
        var rows = await actions
            .WithLatestUpdate(db)
            .SelectWithStatus(x => new
            {
                Columns = ActionStatusReadModel.Columns(x),
                LatestNarrative = x.Latest == null ? null : x.Latest.Narrative,
                LatestPostedAtUtc = x.Latest == null ? (DateTime?)null : x.Latest.PostedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(actions, cancellationToken);

        return rows.Select(r =>
        {
            var c = r.Columns;
            var status = c.Derive(milestones[c.Id], asOf, thresholds);
            return new ActionSnapshot(c.Id, c.ReviewId, c.RecommendationId, c.LeadAgencyId, status.Status, status.Reason,
                c.TargetDate, c.OriginalTargetDate, c.CompletedOn, r.LatestNarrative, r.LatestPostedAtUtc is { } posted ? UkTime.DateOf(posted) : null);
        }).ToList();
    }

    /// <summary>The latest quarter closed before <paramref name="quarter"/> (the current closure of it), with its frozen statuses; null when none was.</summary>
    public static async Task<EarlierQuarter?> EarlierAsync(DhrDbContext db, FinancialQuarter quarter, CancellationToken cancellationToken)
    {
        var earlier = await db.QuarterClosures.AsNoTracking().InScope(db)
            .Where(q => q.SupersededAtUtc == null && (q.StartYear < quarter.StartYear || (q.StartYear == quarter.StartYear && q.QuarterNumber < quarter.Number)))
            .OrderByDescending(q => q.StartYear).ThenByDescending(q => q.QuarterNumber)
            .Select(q => new { q.Id, q.StartYear, q.QuarterNumber })
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        var statuses = await db.Set<ActionSnapshot>().AsNoTracking()
            .Where(s => s.QuarterClosureId == earlier.Id)
            .Select(s => new { s.ActionItemId, s.Status })
            .ToListAsync(cancellationToken);
        return new EarlierQuarter(new FinancialQuarter(earlier.StartYear, earlier.QuarterNumber), statuses.Select(s => (s.ActionItemId, s.Status)).ToList());
    }

    /// <summary>The paper (board edition: the writer withholds for the scrutiny edition) as the data stood on <paramref name="asOf"/>.</summary>
    public static async Task<QuarterlyPaperModel> BuildAsync(
        DhrDbContext db,
        FinancialQuarter quarter,
        DateOnly asOf,
        IReadOnlyList<ActionSnapshot> snapshots,
        EarlierQuarter? earlier,
        string author,
        DateOnly producedOn,
        bool isDraft,
        CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().InScope(db).SingleAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string Agency(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";

        var reviews = (await db.Reviews.AsNoTracking()
                .InScope(db)
                .Where(r => r.NotifiedOn <= asOf)
                .Include(r => r.Decisions).Include(r => r.Panel).Include(r => r.AgencyReports).Include(r => r.FamilyContacts)
                .Include(r => r.Pauses).Include(r => r.QaSubmissions).Include(r => r.StageRecords)
                .AsSplitQuery()
                .OrderBy(r => r.NotifiedOn)
                .ToListAsync(cancellationToken))
            .Select(r => r.AsAt(asOf))
            .ToList();
        var recommendations = await db.Recommendations.AsNoTracking()
            .InScope(db)
            .Select(r => new { r.Id, r.ReviewId, r.Number })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var actionIds = snapshots.Select(s => s.ActionItemId).ToHashSet();
        var end = quarter.End;
        var quarterActions = db.Actions.AsNoTracking().InScope(db).Where(a => a.CreatedOn <= end);
        var actions = (await quarterActions.Select(a => new { a.Id, a.Description, a.RecommendationId }).ToListAsync(cancellationToken))
            .Where(a => actionIds.Contains(a.Id))
            .ToDictionary(a => a.Id);
        var numbers = await ActionNumbering.ForAsync(db, cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(quarterActions, cancellationToken);

        var snapshotsByReview = snapshots.ToLookup(s => s.ReviewId);
        var movement = earlier is null ? null : MovementRules.Compare(earlier.Statuses, snapshots.Select(s => (s.ActionItemId, s.Status)));

        var timelines = reviews.ToDictionary(r => r.Id, r => ReviewTimeline.Build(r, partnership.Settings, asOf, Agency));
        var paperReviews = new List<QuarterlyReview>();
        string Rec(ActionSnapshot s) => recommendations.TryGetValue(s.RecommendationId, out var r) ? r.Number : "?";
        string Number(ActionSnapshot s) => numbers.TryGetValue(s.ActionItemId, out var n) ? n : Rec(s);
        foreach (var review in reviews.Where(r => r.Stage is not (ReviewStage.Closed or ReviewStage.NotCommissioned) || snapshotsByReview[r.Id].Any()))
        {
            var snaps = snapshotsByReview[review.Id].Where(s => actions.ContainsKey(s.ActionItemId)).ToList();
            var reached = new List<QuarterlyMilestone>();
            var missed = new List<QuarterlyMilestone>();
            var due = new List<QuarterlyMilestone>();
            foreach (var stage in timelines[review.Id])
            {
                // A pause for parallel proceedings is not a milestone, whenever it ends.
                if (stage.Stage == ReviewStageNumber.ParallelProceedings)
                {
                    continue;
                }

                if (stage.DoneOn is { } done && quarter.Contains(done) && stage.State == StageState.Done)
                {
                    reached.Add(new QuarterlyMilestone(stage.Title, stage.DueOn, done));
                }
                else if (stage.State is StageState.Due or StageState.Overdue && stage.DueOn is { } dueOn && dueOn <= end)
                {
                    var late = DateMath.DaysBetween(dueOn, asOf);
                    var item = new QuarterlyMilestone(stage.Title, dueOn, null) { DaysLate = late, WhereItStands = stage.Summary };
                    (late > 0 ? missed : due).Add(item);
                }
            }

            string? qaOutcome = null;
            if (review.LatestQaSubmission is { } qa)
            {
                qaOutcome = qa.Outcome is { } outcome
                    ? $"{outcome.Describe()} (letter of {qa.FeedbackLetterOn:d MMMM yyyy})"
                    : $"Awaiting the outcome (submitted {qa.SubmittedOn:d MMMM yyyy})";
                if (qa.Outcome == QaOutcome.Resubmit && qa.FeedbackLetterOn is { } letter)
                {
                    missed.Add(new QuarterlyMilestone("Home Office QA panel: report to be resubmitted", letter, null)
                    {
                        DaysLate = DateMath.DaysBetween(letter, asOf),
                        WhereItStands = $"The QA panel's letter of {letter:d MMMM yyyy} asked for the overview report to be revised and resubmitted.",
                    });
                }
            }

            foreach (var s in snaps)
            {
                var actionText = actions[s.ActionItemId].Description;
                foreach (var m in milestones[s.ActionItemId])
                {
                    var common = new QuarterlyMilestone(m.Description, m.DueOn, m.AchievedOn)
                    {
                        RecommendationNumber = Rec(s),
                        ActionNumber = Number(s),
                        ActionText = actionText,
                        LeadAgency = Agency(s.LeadAgencyId),
                        LatestUpdate = s.LatestUpdate,
                        LatestUpdateOn = s.LatestUpdateOn,
                    };
                    if (m.AchievedOn is { } achieved && quarter.Contains(achieved) && achieved <= asOf)
                    {
                        reached.Add(common);
                    }
                    else if (quarter.Contains(m.DueOn) && m.DueOn <= asOf && (m.AchievedOn is null || m.AchievedOn > asOf))
                    {
                        missed.Add(common with { AchievedOn = null });
                    }
                }
            }

            var risks = snaps.Where(s => s.Status is Rag.Amber or Rag.Red)
                .OrderByDescending(s => s.Status)
                .Select(s => new QuarterlyRisk(Rec(s), actions[s.ActionItemId].Description, Agency(s.LeadAgencyId), new StatusAssessment(s.Status, s.Reason), s.TargetDate)
                {
                    ActionNumber = Number(s),
                    LatestUpdate = s.LatestUpdate,
                    LatestUpdateOn = s.LatestUpdateOn,
                })
                .ToList();
            var roll = StatusRollup.Roll(snaps.Select(s => new StatusRollup.Part(Rec(s), new StatusAssessment(s.Status, s.Reason))).ToList(), "action");
            paperReviews.Add(new QuarterlyReview
            {
                Reference = review.Reference,
                Kind = review.Kind,
                IsPublished = review.IsPublished,
                Stage = review.Stage,
                Overall = roll.Status is { } status ? new StatusAssessment(status, roll.Reason) : null,
                Recommendations = snaps.Select(s => s.RecommendationId).Distinct().Count(),
                Actions = roll.Counts,
                Reached = reached,
                Missed = missed,
                StagesDue = due,
                LatestQaOutcome = qaOutcome,
                Risks = risks,
            });
        }

        var published = reviews.ToDictionary(r => r.Id, r => (r.Reference, r.IsPublished));
        var overdue = snapshots
            .Where(s => s.Status != Rag.Blue && s.TargetDate is { } t && t < asOf && actions.ContainsKey(s.ActionItemId) && published.ContainsKey(s.ReviewId))
            .Select(s => new OverdueAction(Agency(s.LeadAgencyId), published[s.ReviewId].Reference, published[s.ReviewId].IsPublished,
                Rec(s), actions[s.ActionItemId].Description, s.TargetDate!.Value,
                asOf.DayNumber - s.TargetDate.Value.DayNumber, new StatusAssessment(s.Status, s.Reason))
            {
                ActionNumber = Number(s),
                OriginalTargetDate = s.OriginalTargetDate,
            })
            .OrderBy(o => o.LeadAgency).ThenByDescending(o => o.DaysOverdue)
            .ToList();

        var stageCounts = reviews.GroupBy(r => r.Stage).OrderBy(g => g.Key)
            .Select(g => new StageCount(g.Key, g.Count(), g.Count(r => timelines[r.Id].Any(t => t.State == StageState.Overdue))))
            .ToList();

        return new QuarterlyPaperModel
        {
            PartnershipName = partnership.Name,
            ProducedOn = producedOn,
            Quarter = quarter,
            Author = author,
            IsDraft = isDraft,
            AsAt = asOf,
            ComparedWith = earlier?.Quarter,
            Edition = PaperEdition.Board,
            CoversUnpublishedReviews = paperReviews.Any(r => !r.IsPublished),
            ReviewsByStage = stageCounts,
            ActionsNow = BragCounts.Of(snapshots.Select(s => s.Status)),
            ActionsPrevious = earlier is null ? null : BragCounts.Of(earlier.Statuses.Select(s => s.Status)),
            Movement = movement is null ? null : MovementCounts.Of(movement.Values),
            Reviews = paperReviews,
            OverdueActions = overdue,
        };
    }
}
