using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.MoveRecommendation;

/// <summary>Moves a recommendation one place up or down the plan.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record MoveRecommendationCommand(int RecommendationId, int Version, MoveDirection Direction) : ICommand<Saved>;

public sealed class MoveRecommendationHandler(AppDb appDb) : ICommandHandler<MoveRecommendationCommand, Saved>
{
    public async ValueTask<Saved> Handle(MoveRecommendationCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var recommendation = await db.Recommendations.SingleOrDefaultAsync(r => r.Id == command.RecommendationId, cancellationToken)
            ?? throw new NotFoundException();
        var siblings = await db.Recommendations
            .Where(r => r.ReviewId == recommendation.ReviewId)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        PlanData.Move(siblings, recommendation, command.Direction, (r, order) => r.MoveTo(order));
        await PlanData.SaveAsync(db, recommendation, command.Version, cancellationToken);
        return new Saved(recommendation.Id);
    }
}
