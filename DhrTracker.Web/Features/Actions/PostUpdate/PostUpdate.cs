using DhrTracker.Domain.Actions;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.PostUpdate;

/// <summary>The lead officer's progress update: a narrative and, optionally, their own rating (worse than the dates, with a reason; never better).</summary>
public sealed record PostUpdateCommand(int ActionId, int Version, string Narrative, Rag? Assessment, string? AssessmentReason) : ICommand<Saved>;

public sealed class PostUpdateHandler(AppDb appDb, TimeProvider clock) : ICommandHandler<PostUpdateCommand, Saved>
{
    public async ValueTask<Saved> Handle(PostUpdateCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        var action = await ActionAccess.OwnAgencyActionAsync(db, user, command.ActionId, cancellationToken);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);

        var update = action.PostUpdate(command.Narrative ?? string.Empty, command.Assessment, command.AssessmentReason, user.Actor, UkClock.UtcNow(clock), settings.Thresholds);
        await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
        return new Saved(update.Id);
    }
}
