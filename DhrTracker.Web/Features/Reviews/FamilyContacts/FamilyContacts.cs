using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Features.Reviews.FamilyContacts;

/// <summary>Stage 7: contact offered to family, friends or colleagues, described without real names.</summary>
[Requires(Operation.EditReview)]
public sealed record RecordFamilyContactCommand(
    int ReviewId, int Version, string Description, DateOnly ContactOfferedOn, FamilyResponse Response, DateOnly? RespondedOn, string? Advocacy, string? Notes) : ICommand<int>;

/// <summary>Stage 7: their response, advocacy or notes updated.</summary>
[Requires(Operation.EditReview)]
public sealed record UpdateFamilyContactCommand(
    int ReviewId, int Version, int ContactId, FamilyResponse Response, DateOnly? RespondedOn, string? Advocacy, string? Notes) : ICommand<int>;

public sealed class RecordFamilyContactHandler(RequestContext context) : ICommandHandler<RecordFamilyContactCommand, int>
{
    public async ValueTask<int> Handle(RecordFamilyContactCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.RecordFamilyContact(command.Description, command.ContactOfferedOn, command.Response, command.RespondedOn, command.Advocacy, command.Notes, c.Actor, c.NowUtc); },
            cancellationToken);
}

public sealed class UpdateFamilyContactHandler(RequestContext context) : ICommandHandler<UpdateFamilyContactCommand, int>
{
    public async ValueTask<int> Handle(UpdateFamilyContactCommand command, CancellationToken cancellationToken) =>
        await ReviewEditing.ChangeAsync(context, command.ReviewId, command.Version,
            c => { c.Review.UpdateFamilyContact(command.ContactId, command.Response, command.RespondedOn, command.Advocacy, command.Notes, c.Actor, c.NowUtc); },
            cancellationToken);
}
