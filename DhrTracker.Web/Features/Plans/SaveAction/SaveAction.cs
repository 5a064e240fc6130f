using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.SaveAction;

/// <summary>Adds an action to a recommendation (no <see cref="ActionId"/>) or edits one loaded at <see cref="Version"/>.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record SaveActionCommand(
    int RecommendationId,
    int? ActionId,
    int Version,
    string Description,
    int LeadAgencyId,
    IReadOnlyList<int> SupportingAgencyIds,
    string? LeadOfficerName,
    DateOnly? TargetDate,
    string? OutcomeSought) : ICommand<Saved>;

public sealed class SaveActionHandler(AppDb appDb, IClock clock) : ICommandHandler<SaveActionCommand, Saved>
{
    public async ValueTask<Saved> Handle(SaveActionCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var recommendation = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RecommendationId, cancellationToken)
            ?? throw new NotFoundException();
        var action = command.ActionId is { } id
            ? await db.Actions
                .Include(a => a.Milestones)
                .Include(a => a.SupportingAgencies)
                .Include(a => a.TargetRevisions)
                .AsSplitQuery()
                .SingleOrDefaultAsync(a => a.Id == id && a.RecommendationId == recommendation.Id, cancellationToken)
                ?? throw new NotFoundException()
            : null;

        // Another partnership's agency is not found through this context, so it reads as "not on the list".
        var lead = command.LeadAgencyId > 0
            ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.LeadAgencyId, cancellationToken)
            : null;
        if (command.LeadAgencyId > 0 && (lead is null || (!lead.IsActive && action?.LeadAgencyId != lead.Id)))
        {
            throw new DomainException("Choose the lead agency from the list.", nameof(ActionDetails.LeadAgencyId));
        }

        var supporting = command.SupportingAgencyIds.Distinct().ToList();
        if (await db.Agencies.CountAsync(a => supporting.Contains(a.Id), cancellationToken) != supporting.Count)
        {
            throw new DomainException("Choose the supporting agencies from the list.", nameof(ActionDetails.SupportingAgencyIds));
        }

        var details = new ActionDetails(command.Description ?? string.Empty, command.LeadAgencyId, supporting, command.LeadOfficerName, command.TargetDate, command.OutcomeSought);
        if (action is not null)
        {
            action.Edit(details);
            await PlanData.SaveAsync(db, action, command.Version, cancellationToken);
            return new Saved(action.Id);
        }

        var lastOrder = await db.Actions.Where(a => a.RecommendationId == recommendation.Id).MaxAsync(a => (int?)a.SortOrder, cancellationToken) ?? 0;
        var added = new ActionItem(user.PartnershipId, recommendation.ReviewId, recommendation.Id, details, clock.Today, lastOrder + 1);
        db.Actions.Add(added);
        await Shared.Persistence.SaveAsync(db, cancellationToken);
        return new Saved(added.Id);
    }
}
