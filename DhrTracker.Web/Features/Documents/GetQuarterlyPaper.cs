using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Documents;

public sealed record GetQuarterlyPaperQuery(int ClosureId, PaperEdition Edition) : IQuery<DocumentFile>, IDecidesItsOperation
{
    public Operation RequiredOperation => Edition == PaperEdition.Board ? Operation.DownloadBoardPaper : Operation.DownloadScrutinyPaper;
}

/// <summary>
/// The quarterly progress paper for one closed quarter, from its frozen snapshot: what was reached, what
/// was missed and why, the risks, and what moved since the quarter before. The scrutiny edition is
/// written by the same writer, which withholds unpublished text itself.
/// </summary>
public sealed class GetQuarterlyPaperHandler(AppDb appDb, IClock clock, QuarterlyPaperWriter writer) : IQueryHandler<GetQuarterlyPaperQuery, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetQuarterlyPaperQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(query.Edition == PaperEdition.Board ? Operation.DownloadBoardPaper : Operation.DownloadScrutinyPaper);

        var closure = await db.QuarterClosures.AsNoTracking().Include(q => q.Snapshots)
            .SingleOrDefaultAsync(q => q.Id == query.ClosureId, cancellationToken) ?? throw new NotFoundException();
        var quarter = closure.Quarter;
        // The previous quarter's statuses only: the movement between quarters needs nothing else of it.
        var previousQuarter = quarter.Previous;
        var previousSnapshots = await db.QuarterClosures.AsNoTracking().InScope(db)
            .Where(q => q.StartYear == previousQuarter.StartYear && q.QuarterNumber == previousQuarter.Number && q.SupersededAtUtc == null)
            .SelectMany(q => q.Snapshots, (q, s) => new { s.ActionItemId, s.Status })
            .ToListAsync(cancellationToken);

        var today = clock.Today;
        var partnership = await db.Partnerships.AsNoTracking().InScope(db).SingleAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().InScope(db).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        string Agency(int id) => agencies.TryGetValue(id, out var n) ? n : "Unknown agency";

        var reviews = await db.Reviews.AsNoTracking()
            .InScope(db)
            .Include(r => r.Decisions).Include(r => r.AgencyReports).Include(r => r.FamilyContacts)
            .Include(r => r.Pauses).Include(r => r.QaSubmissions)
            .AsSplitQuery()
            .OrderBy(r => r.NotifiedOn)
            .ToListAsync(cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking()
            .InScope(db)
            .Select(r => new { r.Id, r.ReviewId, r.Number })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        // The closure's actions by a subquery on its snapshots, not a parameter per action.
        var closureId = closure.Id;
        var snapshotActions = db.Set<ActionSnapshot>().Where(s => s.QuarterClosureId == closureId).Select(s => s.ActionItemId);
        var closureActions = db.Actions.AsNoTracking().InScope(db).Where(a => snapshotActions.Contains(a.Id));
        var actions = await closureActions.Select(a => new { a.Id, a.Description }).ToDictionaryAsync(a => a.Id, a => a.Description, cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(closureActions, cancellationToken);

        var snapshotsByReview = closure.Snapshots.ToLookup(s => s.ReviewId);
        var movement = MovementRules.Compare(
            previousSnapshots.Select(s => (s.ActionItemId, s.Status)),
            closure.Snapshots.Select(s => (s.ActionItemId, s.Status)));

        var timelines = reviews.ToDictionary(r => r.Id, r => ReviewTimeline.Build(r, partnership.Settings, today, Agency));
        var paperReviews = new List<QuarterlyReview>();
        foreach (var review in reviews.Where(r => r.Stage is not (ReviewStage.Closed or ReviewStage.NotCommissioned) || snapshotsByReview[r.Id].Any()))
        {
            var snaps = snapshotsByReview[review.Id].ToList();
            var rec = (ActionSnapshot s) => recommendations.TryGetValue(s.RecommendationId, out var r) ? r.Number : "?";
            var reached = new List<QuarterlyMilestone>();
            var missed = new List<QuarterlyMilestone>();
            foreach (var stage in timelines[review.Id])
            {
                if (stage.DoneOn is { } done && quarter.Contains(done))
                {
                    reached.Add(new QuarterlyMilestone(stage.Title, stage.DueOn, done));
                }
                else if (stage.DoneOn is null && stage.DueOn is { } due && due <= quarter.End && due >= quarter.Start)
                {
                    missed.Add(new QuarterlyMilestone(stage.Title, due, null));
                }
            }

            foreach (var s in snaps)
            {
                if (!actions.TryGetValue(s.ActionItemId, out var actionText))
                {
                    continue;
                }

                foreach (var m in milestones[s.ActionItemId])
                {
                    var common = new QuarterlyMilestone(m.Description, m.DueOn, m.AchievedOn)
                    {
                        RecommendationNumber = rec(s),
                        ActionText = actionText,
                        LeadAgency = Agency(s.LeadAgencyId),
                        LatestUpdate = s.LatestUpdate,
                        LatestUpdateOn = s.LatestUpdateOn,
                    };
                    if (m.AchievedOn is { } achieved && quarter.Contains(achieved))
                    {
                        reached.Add(common);
                    }
                    else if (quarter.Contains(m.DueOn) && (m.AchievedOn is null || m.AchievedOn > quarter.End))
                    {
                        missed.Add(common with { AchievedOn = null });
                    }
                }
            }

            var risks = snaps.Where(s => s.Status is Rag.Amber or Rag.Red && actions.ContainsKey(s.ActionItemId))
                .OrderByDescending(s => s.Status)
                .Select(s => new QuarterlyRisk(rec(s), actions[s.ActionItemId], Agency(s.LeadAgencyId), new StatusAssessment(s.Status, s.Reason), s.TargetDate)
                {
                    LatestUpdate = s.LatestUpdate,
                    LatestUpdateOn = s.LatestUpdateOn,
                })
                .ToList();
            var roll = StatusRollup.Roll(snaps.Select(s => new StatusRollup.Part(rec(s), new StatusAssessment(s.Status, s.Reason))).ToList(), "action");
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
                Risks = risks,
            });
        }

        var published = reviews.ToDictionary(r => r.Id, r => (r.Reference, r.IsPublished));
        var overdue = closure.Snapshots
            .Where(s => s.Status != Rag.Blue && s.TargetDate is { } t && t < quarter.End && actions.ContainsKey(s.ActionItemId) && published.ContainsKey(s.ReviewId))
            .Select(s => new OverdueAction(Agency(s.LeadAgencyId), published[s.ReviewId].Reference, published[s.ReviewId].IsPublished,
                recommendations.TryGetValue(s.RecommendationId, out var r) ? r.Number : "?", actions[s.ActionItemId], s.TargetDate!.Value,
                quarter.End.DayNumber - s.TargetDate.Value.DayNumber, new StatusAssessment(s.Status, s.Reason))
            {
                OriginalTargetDate = s.OriginalTargetDate,
            })
            .OrderBy(o => o.LeadAgency).ThenByDescending(o => o.DaysOverdue)
            .ToList();

        var stageCounts = reviews.GroupBy(r => r.Stage).OrderBy(g => g.Key)
            .Select(g => new StageCount(g.Key, g.Count(), g.Count(r => timelines[r.Id].Any(t => t.State == StageState.Overdue))))
            .ToList();

        var model = new QuarterlyPaperModel
        {
            PartnershipName = partnership.Name,
            ProducedOn = today,
            Quarter = quarter,
            Author = closure.ClosedByName,
            Edition = query.Edition,
            CoversUnpublishedReviews = paperReviews.Any(r => !r.IsPublished),
            ReviewsByStage = stageCounts,
            ActionsNow = BragCounts.Of(closure.Snapshots.Select(s => s.Status)),
            ActionsPrevious = BragCounts.Of(previousSnapshots.Select(s => s.Status)),
            Movement = MovementCounts.Of(movement.Values),
            Reviews = paperReviews,
            OverdueActions = overdue,
        };

        var what = query.Edition == PaperEdition.Board ? "board-paper" : "scrutiny-paper";
        var name = FileNames.Safe($"{partnership.ShortCode}-{what}-Q{quarter.Number}-{quarter.StartYear}-{(quarter.StartYear + 1) % 100:00}-{today:yyyy-MM-dd}") + ".docx";
        return new DocumentFile(name, writer.Write(model));
    }
}
