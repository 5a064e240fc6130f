using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Import.GetImportStart;

/// <summary>What the import page needs before a file is chosen: the review, and whether a plan can be imported into it.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record GetImportStartQuery(int ReviewId) : IQuery<ImportStart>;

/// <param name="CannotImportBecause">Why no plan can be imported into this review, or null when one can.</param>
public sealed record ImportStart(int ReviewId, string Reference, int RecommendationsInReview, string? CannotImportBecause);

public sealed class GetImportStartHandler(AppDb appDb) : IQueryHandler<GetImportStartQuery, ImportStart>
{
    public async ValueTask<ImportStart> Handle(GetImportStartQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == query.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        var count = await db.Recommendations.CountAsync(r => r.ReviewId == review.Id, cancellationToken);
        return new ImportStart(
            review.Id,
            review.Reference,
            count,
            review.WhyNoRecommendations);
    }
}
