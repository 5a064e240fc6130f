using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Notifications;

/// <summary>What one partnership's digests are written from, read once a turn: its people, agencies, open reviews and open actions.</summary>
public sealed class DigestData
{
    public sealed record Person(int Id, string Name, string Email, Role Role, int? AgencyId);

    /// <summary>An open action with its review's reference and its number in the plan ("2.2").</summary>
    public sealed record OpenAction(ActionItem Action, string Reference, string Number);

    public required DateOnly Today { get; init; }
    public required PartnershipSettings Settings { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyDictionary<int, string> Agencies { get; init; }
    public required IReadOnlyList<Review> Reviews { get; init; }
    public required IReadOnlyList<OpenAction> Actions { get; init; }

    /// <summary>Every action's number, open or not, by id (for events about any action).</summary>
    public required IReadOnlyDictionary<int, (string Reference, string Number)> Numbers { get; init; }

    public string AgencyName(int id) => Agencies.TryGetValue(id, out var name) ? name : "Unknown agency";

    public static async Task<DigestData> LoadAsync(DhrDbContext db, int partnershipId, DateOnly today, CancellationToken cancellationToken)
    {
        var settings = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Settings).SingleAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == partnershipId && u.IsActive)
            .OrderBy(u => u.Id)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email, u.Role, u.AgencyId))
            .ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.PartnershipId == partnershipId).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.ClosedOn == null)
            .Include(r => r.Decisions)
            .Include(r => r.AgencyReports)
            .Include(r => r.FamilyContacts)
            .Include(r => r.Pauses)
            .Include(r => r.QaSubmissions)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var references = await db.Reviews.AsNoTracking().Where(r => r.PartnershipId == partnershipId).ToDictionaryAsync(r => r.Id, r => r.Reference, cancellationToken);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.PartnershipId == partnershipId)
            .Select(r => new { r.Id, r.ReviewId, r.Number }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var order = await db.Actions.AsNoTracking().Where(a => a.PartnershipId == partnershipId)
            .Select(a => new { a.Id, a.RecommendationId, a.SortOrder }).ToListAsync(cancellationToken);
        var numbers = order
            .GroupBy(a => a.RecommendationId)
            .SelectMany(g => g.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select((a, i) => (a.Id, a.RecommendationId, Position: i + 1)))
            .Where(a => recommendations.ContainsKey(a.RecommendationId))
            .ToDictionary(
                a => a.Id,
                a => (Reference: references.GetValueOrDefault(recommendations[a.RecommendationId].ReviewId, "?"), Number: $"{recommendations[a.RecommendationId].Number.Trim()}.{a.Position}"));
        var open = await db.Actions.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.CompletionAcceptedOn == null)
            .Include(a => a.Milestones)
            .Include(a => a.TargetRevisions)
            .Include(a => a.Updates.OrderByDescending(u => u.PostedAtUtc).Take(1))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var openReviewIds = reviews.Select(r => r.Id).ToHashSet();
        return new DigestData
        {
            Today = today,
            Settings = settings,
            People = people,
            Agencies = agencies,
            Reviews = reviews,
            Numbers = numbers,
            Actions = open
                .Where(a => openReviewIds.Contains(a.ReviewId) && numbers.ContainsKey(a.Id))
                .Select(a => new OpenAction(a, numbers[a.Id].Reference, numbers[a.Id].Number))
                .OrderBy(a => a.Reference, StringComparer.Ordinal).ThenBy(a => a.Number, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
