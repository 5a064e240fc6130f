using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.MoveAction;

/// <summary>Moves an action one place up or down within its recommendation (its label, 3(a).2, follows).</summary>
[Requires(Operation.EditActionPlan)]
public sealed record MoveActionCommand(int ActionId, int Version, MoveDirection Direction) : ICommand<Saved>;

public sealed class MoveActionHandler(AppDb appDb) : ICommandHandler<MoveActionCommand, Saved>
{
    public async ValueTask<Saved> Handle(MoveActionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw new NotFoundException();
        var siblings = await db.Actions
            .Where(a => a.RecommendationId == action.RecommendationId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        PlanData.Move(siblings, action, command.Direction, (a, order) => a.MoveTo(order));
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(action.Id);
    }
}
