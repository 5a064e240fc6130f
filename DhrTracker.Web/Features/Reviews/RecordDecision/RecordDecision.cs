using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.RecordDecision;

/// <summary>
/// Stage 2: the CSP chair's decision, or the chair's correction of it. Only the chair may; a correction is a
/// new decision and the earlier one stays.
/// </summary>
[Requires(Operation.RecordDecision)]
public sealed record RecordDecisionCommand(int ReviewId, int Version, DecisionInput Decision) : ICommand<int>;

public sealed class RecordDecisionHandler(RequestContext context) : ICommandHandler<RecordDecisionCommand, int>
{
    public async ValueTask<int> Handle(RecordDecisionCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordDecision(command.Decision, c.Actor, c.NowUtc); }, cancellationToken);
}
