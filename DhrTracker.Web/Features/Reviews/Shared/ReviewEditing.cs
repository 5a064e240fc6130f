using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.Shared;

/// <summary>What a command that changes a review works with: the open context, who is asking, the review and the time.</summary>
public sealed record ReviewChange(DhrDbContext Db, UserContext User, Review Review, DateTime NowUtc, DateOnly Today)
{
    public Actor Actor => User.Actor;
}

/// <summary>
/// The steps every command that changes a review takes after the pipeline has checked the operation it declares:
/// load the review (another partnership's reads as not found), refuse a stale form, apply the domain method and mark
/// the review changed, so that its version moves on. The pipeline saves it all in one transaction.
/// </summary>
public static class ReviewEditing
{
    public static async Task<int> ChangeAsync(
        RequestContext context, int reviewId, int? expectedVersion, Func<ReviewChange, Task> change, CancellationToken cancellationToken)
    {
        var review = await LoadAsync(context.Db, reviewId, cancellationToken);
        if (expectedVersion is { } version)
        {
            context.ExpectVersion(review, version);
        }

        await change(new ReviewChange(context.Db, context.User, review, context.UtcNow, context.Today));
        // Saved here rather than by the pipeline: the caller is told the review's new version.
        context.Touch(review);
        await context.SaveAsync(cancellationToken);
        return review.Version;
    }

    public static Task<int> ChangeAsync(
        RequestContext context, int reviewId, int? expectedVersion, Action<ReviewChange> change, CancellationToken cancellationToken) =>
        ChangeAsync(context, reviewId, expectedVersion, c =>
        {
            change(c);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The review with every part a stage method may need.</summary>
    public static async Task<Review> LoadAsync(DhrDbContext db, int reviewId, CancellationToken cancellationToken) =>
        await db.Reviews
            .WithEveryStage()
            .SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
        ?? throw new NotFoundException();

    /// <summary>An agency chosen on a form must be one of this partnership's (the database would accept another's).</summary>
    public static async Task RequireAgencyAsync(DhrDbContext db, int? agencyId, string field, CancellationToken cancellationToken)
    {
        if (agencyId is { } id && !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new DomainException("Choose an agency from the list.", field);
        }
    }
}
