using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Actions.PostUpdate;

/// <summary>The lead officer's progress update: a narrative and, optionally, their own rating (worse than the dates, with a reason; never better).</summary>
[Requires(Operation.UpdateOwnAgencyAction)]
public sealed record PostUpdateCommand(int ActionId, int Version, string Narrative, Rag? Assessment, string? AssessmentReason) : ICommand<Saved>;

public sealed class PostUpdateHandler(RequestContext context) : ICommandHandler<PostUpdateCommand, Saved>
{
    public async ValueTask<Saved> Handle(PostUpdateCommand command, CancellationToken cancellationToken)
    {
        var action = await ActionAccess.OwnAgencyActionAsync(context, command.ActionId, cancellationToken);
        var settings = await ActionStatuses.SettingsAsync(context.Db, cancellationToken);
        context.ExpectVersion(action, command.Version);

        var update = action.PostUpdate(command.Narrative ?? string.Empty, command.Assessment, command.AssessmentReason, context.User.Actor, context.UtcNow, settings.Thresholds);
        context.Touch(action);
        await context.SaveAsync(cancellationToken);
        return new Saved(update.Id);
    }
}
