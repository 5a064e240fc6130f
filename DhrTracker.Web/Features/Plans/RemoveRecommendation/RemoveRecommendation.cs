using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.RemoveRecommendation;

/// <summary>Removes a recommendation entered by mistake, with its actions, while none of them has progress recorded.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record RemoveRecommendationCommand(int RecommendationId, int Version) : ICommand<Saved>;

public sealed class RemoveRecommendationHandler(AppDb appDb) : ICommandHandler<RemoveRecommendationCommand, Saved>
{
    public async ValueTask<Saved> Handle(RemoveRecommendationCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var recommendation = await db.Recommendations
            .Include(r => r.Addressees)
            .Include(r => r.Themes)
            .SingleOrDefaultAsync(r => r.Id == command.RecommendationId, cancellationToken)
            ?? throw new NotFoundException();
        var actions = await db.Actions
            .Where(a => a.RecommendationId == recommendation.Id)
            .Include(a => a.Milestones)
            .Include(a => a.Updates)
            .Include(a => a.TargetRevisions)
            .Include(a => a.SupportingAgencies)
            .OrderBy(a => a.SortOrder)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        foreach (var (action, index) in actions.Select((a, i) => (a, i)))
        {
            try
            {
                action.EnsureCanBeRemoved();
            }
            catch (DomainException)
            {
                throw new DomainException($"Action {recommendation.Number}.{index + 1} has progress recorded, so recommendation {recommendation.Number} cannot be removed. Edit it instead.");
            }
        }

        Shared.Persistence.ExpectVersion(db, recommendation, command.Version);
        db.Actions.RemoveRange(actions);
        db.Recommendations.Remove(recommendation);
        await Shared.Persistence.SaveAsync(db, cancellationToken);
        return new Saved(recommendation.Id);
    }
}
