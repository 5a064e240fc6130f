using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Shared;

/// <summary>
/// Every action's number, recommendation.action ("2.2": the second action of recommendation 2, in the plan's order),
/// the one numbering the dashboard, the review and action pages, the paper and the action plan all print.
/// </summary>
public static class ActionNumbering
{
    public static async Task<Dictionary<int, string>> ForAsync(DhrDbContext db, CancellationToken cancellationToken, int? reviewId = null)
    {
        var actions = db.Actions.AsNoTracking().InScope(db);
        if (reviewId is { } id)
        {
            actions = actions.Where(a => a.ReviewId == id);
        }

        var rows = await actions
            .Join(db.Recommendations, a => a.RecommendationId, r => r.Id, (a, r) => new { a.Id, a.RecommendationId, a.SortOrder, r.Number })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(a => a.RecommendationId)
            .SelectMany(g => g.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select((a, i) => (a.Id, Number: RecommendationNumbering.ActionNumber(a.Number, i))))
            .ToDictionary(x => x.Id, x => x.Number);
    }
}
