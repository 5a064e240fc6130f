using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans.SaveRecommendation;

/// <summary>Adds a recommendation to a review (no <see cref="RecommendationId"/>) or edits one loaded at <see cref="Version"/>.</summary>
[Requires(Operation.EditActionPlan)]
public sealed record SaveRecommendationCommand(
    int ReviewId,
    int? RecommendationId,
    int Version,
    string Number,
    string Text,
    RecommendationScope Scope,
    IReadOnlyList<int> AddresseeIds,
    IReadOnlyList<int> ThemeIds) : ICommand<Saved>;

public sealed class SaveRecommendationHandler(AppDb appDb) : ICommandHandler<SaveRecommendationCommand, Saved>
{
    public async ValueTask<Saved> Handle(SaveRecommendationCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        var existing = command.RecommendationId is { } id
            ? await db.Recommendations
                .Include(r => r.Addressees)
                .Include(r => r.Themes)
                .SingleOrDefaultAsync(r => r.Id == id && r.ReviewId == review.Id, cancellationToken)
                ?? throw new NotFoundException()
            : null;
        review.EnsureAcceptsRecommendations();

        // The partnership's query filter means another partnership's agency or theme is simply not found here.
        var wantedAgencies = command.AddresseeIds.Distinct().ToList();
        var agencies = await db.Agencies.Where(a => wantedAgencies.Contains(a.Id)).ToListAsync(cancellationToken);
        if (agencies.Count != wantedAgencies.Count)
        {
            throw new DomainException("Choose the agencies and national bodies from the list.", "AddresseeIds");
        }

        var wantedThemes = command.ThemeIds.Distinct().ToList();
        if (await db.Themes.CountAsync(t => wantedThemes.Contains(t.Id), cancellationToken) != wantedThemes.Count)
        {
            throw new DomainException("Choose the themes from the partnership's list.", "ThemeIds");
        }

        var others = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == review.Id && r.Id != command.RecommendationId)
            .Select(r => new { r.Number, r.SortOrder })
            .ToListAsync(cancellationToken);
        RecommendationNumbering.EnsureUnique(command.Number ?? string.Empty, others.Select(o => o.Number));

        if (existing is not null)
        {
            existing.Edit(command.Number ?? string.Empty, command.Text ?? string.Empty, command.Scope);
            existing.AddressTo(agencies);
            existing.Tag(wantedThemes);
            await PlanData.SaveAsync(db, existing, command.Version, cancellationToken);
            return new Saved(existing.Id);
        }

        var sortOrder = others.Count == 0 ? 1 : others.Max(o => o.SortOrder) + 1;
        var added = new Recommendation(user.PartnershipId, review.Id, command.Number ?? string.Empty, command.Text ?? string.Empty, command.Scope, sortOrder);
        added.AddressTo(agencies);
        added.Tag(wantedThemes);
        db.Recommendations.Add(added);
        await Shared.Persistence.SaveAsync(db, cancellationToken);
        return new Saved(added.Id);
    }
}
