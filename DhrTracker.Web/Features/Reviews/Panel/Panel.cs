using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.Panel;

/// <summary>Stage 5: a member joins the review panel (no agency: an independent member).</summary>
[Requires(Operation.EditReview)]
public sealed record AddPanelMemberCommand(int ReviewId, int Version, int? AgencyId, string Name, string PanelRole) : ICommand<int>;

/// <summary>Stage 5: a member leaves the panel. The history keeps who they were.</summary>
[Requires(Operation.EditReview)]
public sealed record RemovePanelMemberCommand(int ReviewId, int Version, int PanelMemberId) : ICommand<int>;

public sealed class AddPanelMemberHandler(RequestContext context) : ICommandHandler<AddPanelMemberCommand, int>
{
    public async ValueTask<int> Handle(AddPanelMemberCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version, async c =>
        {
            await ReviewEditing.RequireAgencyAsync(c.Db, command.AgencyId, nameof(command.AgencyId), cancellationToken);
            c.Review.AddPanelMember(command.AgencyId, command.Name, command.PanelRole, c.Actor, c.NowUtc);
        }, cancellationToken);
}

public sealed class RemovePanelMemberHandler(RequestContext context) : ICommandHandler<RemovePanelMemberCommand, int>
{
    public async ValueTask<int> Handle(RemovePanelMemberCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RemovePanelMember(command.PanelMemberId, c.Actor, c.NowUtc); }, cancellationToken);
}
