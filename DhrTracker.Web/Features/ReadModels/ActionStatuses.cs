using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.ReadModels;

/// <summary>One action's status with what it belongs to, for lists and roll-ups.</summary>
public sealed record ActionStatusRow(int ActionId, int ReviewId, int RecommendationId, int LeadAgencyId, StatusAssessment Assessment);

/// <summary>A milestone with the action it belongs to, read flat beside a list of actions.</summary>
public sealed record MilestoneRow(int ActionId, int Id, string Description, DateOnly DueOn, DateOnly? AchievedOn)
{
    public MilestoneFact Fact => new(Description, DueOn, AchievedOn);
}

/// <summary>An action beside its latest progress update (null when none has been posted), for composing projections.</summary>
public sealed class ActionWithLatest
{
    public required ActionItem Action { get; init; }

    public required ProgressUpdate? Latest { get; init; }
}

/// <summary>
/// Derives action statuses in the domain from a narrow projection of the facts, so that lists never load
/// whole aggregates.
/// </summary>
public static class ActionStatuses
{
    public static async Task<PartnershipSettings> SettingsAsync(DhrDbContext db, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking().InScope(db).Select(p => p.Settings).SingleAsync(cancellationToken);

    /// <summary>
    /// The partnership filter written out in the query as well. The global filter reads "all partnerships OR this
    /// one", which SQLite cannot answer from an index, so without this every list scans whole tables.
    /// </summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> query, DhrDbContext db)
        where T : class, Domain.Common.IPartnershipScoped
    {
        var partnershipId = db.Scope.PartnershipId;
        return db.Scope.AllPartnerships ? query : query.Where(e => e.PartnershipId == partnershipId);
    }

    /// <summary>The partnerships table has no PartnershipId column: the same narrowing on its key.</summary>
    public static IQueryable<Partnership> InScope(this IQueryable<Partnership> query, DhrDbContext db)
    {
        var partnershipId = db.Scope.PartnershipId;
        return db.Scope.AllPartnerships ? query : query.Where(p => p.Id == partnershipId);
    }

    /// <summary>
    /// Each action with its latest update, joined on the id of that update: one seek in the covering index on
    /// (ActionItemId, PostedAtUtc) and one primary-key lookup per action. A scalar subquery per column repeats the
    /// seek and the row lookup for every column, and an Include or projection of Updates.Take(1) makes EF number
    /// every update in the table with a window function.
    /// </summary>
    public static IQueryable<ActionWithLatest> WithLatestUpdate(this IQueryable<ActionItem> actions, DhrDbContext db) =>
        from a in actions
        join u in db.Set<ProgressUpdate>()
            on a.Updates.OrderByDescending(x => x.PostedAtUtc).ThenByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefault() equals (int?)u.Id into latest
        from u in latest.DefaultIfEmpty()
        select new ActionWithLatest { Action = a, Latest = u };

    /// <summary>
    /// The milestones of the actions <paramref name="actions"/> selects, in one flat query, by action and in due-date
    /// order. A nested collection in the actions' own projection would make EF repeat the actions query (with its
    /// latest-update join) as a split query just to read the milestones.
    /// </summary>
    public static async Task<ILookup<int, MilestoneRow>> MilestonesAsync(IQueryable<ActionItem> actions, CancellationToken cancellationToken) =>
        (await actions
            .SelectMany(a => a.Milestones, (a, m) => new MilestoneRow(a.Id, m.Id, m.Description, m.DueOn, m.AchievedOn))
            .ToListAsync(cancellationToken))
        .OrderBy(m => m.DueOn).ThenBy(m => m.Id)
        .ToLookup(m => m.ActionId);

    public static async Task<List<ActionStatusRow>> ForAsync(
        DhrDbContext db, Expression<Func<ActionItem, bool>> filter, DateOnly today, StatusThresholds thresholds, CancellationToken cancellationToken)
    {
        var actions = db.Actions.AsNoTracking().InScope(db).Where(filter);
        var rows = await actions.WithLatestUpdate(db).SelectStatus().ToListAsync(cancellationToken);
        var milestones = await MilestonesAsync(actions, cancellationToken);

        return rows
            .Select(r => new ActionStatusRow(r.Id, r.ReviewId, r.RecommendationId, r.LeadAgencyId, r.Derive(milestones[r.Id], today, thresholds)))
            .ToList();
    }
}
