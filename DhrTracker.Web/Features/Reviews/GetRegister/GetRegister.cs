using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.GetRegister;

public sealed record RegisterFilter(ReviewStage? Stage = null, ReviewKind? Kind = null, bool OverdueOnly = false, int? Year = null);

[Requires(Operation.ViewRegister)]
public sealed record GetRegisterQuery(RegisterFilter Filter) : IQuery<RegisterView>;

public sealed record RegisterView(IReadOnlyList<RegisterRow> Rows, IReadOnlyList<int> Years);

public sealed record RegisterRow(
    int Id,
    string Reference,
    ReviewKind Kind,
    ReviewStage Stage,
    bool IsPaused,
    DateOnly NotifiedOn,
    int DaysSinceNotification,
    string? NextDueTitle,
    DateOnly? NextDueOn,
    string? NextDueText,
    bool IsOverdue,
    BragCounts Counts,
    Rag? Overall,
    string OverallReason);

/// <summary>The review register: every review of the partnership with where it stands and what is next due.</summary>
public sealed class GetRegisterHandler(AppDb appDb, IClock clock) : IQueryHandler<GetRegisterQuery, RegisterView>
{
    public async ValueTask<RegisterView> Handle(GetRegisterQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ViewRegister);
        var today = clock.Today;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var reviews = await db.Reviews.AsNoTracking()
            .InScope(db)
            .Include(r => r.Decisions)
            .Include(r => r.AgencyReports)
            .Include(r => r.FamilyContacts)
            .Include(r => r.Pauses)
            .Include(r => r.QaSubmissions)
            .AsSplitQuery()
            .OrderByDescending(r => r.NotifiedOn)
            .ToListAsync(cancellationToken);

        var statuses = await ActionStatuses.ForAsync(db, _ => true, today, settings.Thresholds, cancellationToken);
        var byReview = statuses.ToLookup(s => s.ReviewId);
        var seeActionPlan = user.Can(Operation.ViewFullActionPlan);

        var rows = new List<RegisterRow>();
        foreach (var review in reviews)
        {
            var timeline = ReviewTimeline.Build(review, settings, today);
            var next = ReviewTimeline.NextDue(timeline);
            // Scrutiny sees BRAG counts only for published plans: an unpublished plan is not theirs to judge yet.
            var showPlan = seeActionPlan || review.IsPublished;
            var parts = showPlan
                ? byReview[review.Id].Select(s => new StatusRollup.Part($"#{s.ActionId}", s.Assessment)).ToList()
                : [];
            var roll = StatusRollup.Roll(parts, "action");
            rows.Add(new RegisterRow(
                review.Id,
                review.Reference,
                review.Kind,
                review.Stage,
                review.IsPaused,
                review.NotifiedOn,
                today.DayNumber - review.NotifiedOn.DayNumber,
                next?.Title,
                next?.DueOn,
                next?.DueText(today),
                next?.State == StageState.Overdue,
                roll.Counts,
                roll.Status,
                showPlan ? roll.Reason : "Action plan not yet published"));
        }

        var years = rows.Select(r => r.NotifiedOn.Year).Distinct().OrderDescending().ToList();
        var f = query.Filter;
        var filtered = rows
            .Where(r => f.Stage is null || r.Stage == f.Stage)
            .Where(r => f.Kind is null || r.Kind == f.Kind)
            .Where(r => !f.OverdueOnly || r.IsOverdue)
            .Where(r => f.Year is null || r.NotifiedOn.Year == f.Year)
            .ToList();
        return new RegisterView(filtered, years);
    }
}
