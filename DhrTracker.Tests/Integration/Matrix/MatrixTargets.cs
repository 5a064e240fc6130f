using DhrTracker.Domain.Actions;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Integration.Matrix;

/// <summary>
/// What an operation is asked about, as far as the matrix cares: whether it names a record of partnership A,
/// the agency that record belongs to (for lead officers) and whether its review is published (for scrutiny).
/// </summary>
public sealed record MatrixTarget(bool InFirstPartnership, int? AgencyId, bool Published)
{
    /// <summary>A list or a new record: it names nothing, so each person gets their own partnership's.</summary>
    public static readonly MatrixTarget None = new(false, null, true);
}

public sealed record ActionTarget(int Id, int ReviewId, int RecommendationId, int LeadAgencyId, bool Published, int? OpenMilestoneId, int? PendingRevisionId)
{
    public MatrixTarget Target => new(true, LeadAgencyId, Published);
}

public sealed record ChildTarget(int ReviewId, int ChildId, bool Published)
{
    public MatrixTarget Target => new(true, null, Published);
}

/// <summary>The demo data's records of partnership A that the catalogue aims at, found by what they are, not by id.</summary>
public sealed class MatrixTargets
{
    public required IReadOnlyDictionary<string, (int Id, bool Published)> Reviews { get; init; }
    public required int PoliceAgencyId { get; init; }
    public required int IcbAgencyId { get; init; }
    public required ActionTarget PublishedPoliceAction { get; init; }
    public required ActionTarget UnpublishedPoliceAction { get; init; }
    public required ActionTarget PendingRevisionAction { get; init; }
    public required ActionTarget AwaitingCompletionAction { get; init; }
    public required ChildTarget PoliceReport { get; init; }
    public required ChildTarget PanelMember { get; init; }
    public required ChildTarget OpenPause { get; init; }
    public required ChildTarget FamilyContact { get; init; }
    public required ChildTarget OpenQaSubmission { get; init; }
    public required int ClosureId { get; init; }
    public required int AnyThemeId { get; init; }

    /// <summary>An id no record has: what another partnership's record must be indistinguishable from.</summary>
    public const int Missing = 987_654;

    public MatrixTarget Review(string reference) => new(true, null, Reviews[reference].Published);

    public int ReviewId(string reference) => Reviews[reference].Id;

    public static async Task<MatrixTargets> LoadAsync(DhrDbContextFactory factory)
    {
        await using var db = factory.Create(DataScope.System);
        var first = await db.Partnerships.Where(p => p.ShortCode == DemoData.FirstPartnershipCode).Select(p => p.Id).SingleAsync();
        var reviews = await db.Reviews.Where(r => r.PartnershipId == first)
            .Select(r => new { r.Id, r.Reference, r.PublishedOn, r.ClosedOn }).ToListAsync();
        var published = reviews.Where(r => r.PublishedOn != null).Select(r => r.Id).ToHashSet();
        var open = reviews.Where(r => r.ClosedOn == null).Select(r => r.Id).ToHashSet();
        var agencyOf = await db.Users.Where(u => u.Email == DemoData.Emails.PoliceOfficer || u.Email == DemoData.Emails.IcbOfficer)
            .ToDictionaryAsync(u => u.Email, u => u.AgencyId!.Value);
        var police = agencyOf[DemoData.Emails.PoliceOfficer];

        var actions = await db.Actions.AsNoTracking().Where(a => a.PartnershipId == first)
            .Include(a => a.Milestones).Include(a => a.TargetRevisions).AsSplitQuery().ToListAsync();
        ActionTarget ToTarget(ActionItem a) => new(
            a.Id, a.ReviewId, a.RecommendationId, a.LeadAgencyId, published.Contains(a.ReviewId),
            a.Milestones.Where(m => m.AchievedOn == null).OrderBy(m => m.DueOn).Select(m => (int?)m.Id).FirstOrDefault(),
            a.TargetRevisions.Where(r => r.State == RevisionState.Pending).Select(r => (int?)r.Id).FirstOrDefault());
        bool Open(ActionItem a) => a.CompletedOn == null && a.ProposedCompletionOn == null && open.Contains(a.ReviewId);
        ActionItem Pick(Func<ActionItem, bool> where, string what) =>
            actions.Where(where).OrderBy(a => a.Id).FirstOrDefault() ?? throw new InvalidOperationException($"The demo data has no {what}.");

        var reports = await db.Reviews.Where(r => r.PartnershipId == first && r.ClosedOn == null)
            .SelectMany(r => r.AgencyReports, (r, a) => new { r.Id, Report = a.Id, a.AgencyId, a.ReceivedOn }).ToListAsync();
        var report = reports.Where(r => r.AgencyId == police && r.ReceivedOn == null).OrderBy(r => r.Report).First();
        var panel = await db.Reviews.Where(r => r.PartnershipId == first && r.ClosedOn == null)
            .SelectMany(r => r.Panel, (r, m) => new { r.Id, Child = m.Id }).OrderBy(x => x.Child).FirstAsync();
        var pause = await db.Reviews.Where(r => r.PartnershipId == first && r.ClosedOn == null)
            .SelectMany(r => r.Pauses, (r, p) => new { r.Id, Child = p.Id, p.EndedOn }).Where(p => p.EndedOn == null).OrderBy(x => x.Child).FirstAsync();
        var family = await db.Reviews.Where(r => r.PartnershipId == first && r.ClosedOn == null)
            .SelectMany(r => r.FamilyContacts, (r, f) => new { r.Id, Child = f.Id }).OrderBy(x => x.Child).FirstAsync();
        var qa = await db.Reviews.Where(r => r.PartnershipId == first && r.ClosedOn == null)
            .SelectMany(r => r.QaSubmissions, (r, q) => new { r.Id, Child = q.Id, q.Outcome }).Where(q => q.Outcome == null).OrderBy(x => x.Child).FirstAsync();
        var themes = await db.Themes.Where(t => t.PartnershipId == first).Select(t => t.Id).ToListAsync();

        return new MatrixTargets
        {
            Reviews = reviews.ToDictionary(r => r.Reference, r => (r.Id, r.PublishedOn != null)),
            PoliceAgencyId = police,
            IcbAgencyId = agencyOf[DemoData.Emails.IcbOfficer],
            PublishedPoliceAction = ToTarget(Pick(a => Open(a) && a.LeadAgencyId == police && published.Contains(a.ReviewId)
                && a.PendingRevision == null && a.Milestones.Any(m => m.AchievedOn == null), "open police action with a milestone in a published review")),
            UnpublishedPoliceAction = ToTarget(Pick(a => Open(a) && a.LeadAgencyId == police && !published.Contains(a.ReviewId), "open police action in an unpublished review")),
            PendingRevisionAction = ToTarget(Pick(a => Open(a) && a.PendingRevision != null, "action with a target date revision waiting")),
            AwaitingCompletionAction = ToTarget(Pick(a => a.CompletionAwaitingReview && open.Contains(a.ReviewId), "action whose completion awaits the co-ordinator")),
            PoliceReport = new ChildTarget(report.Id, report.Report, published.Contains(report.Id)),
            PanelMember = new ChildTarget(panel.Id, panel.Child, published.Contains(panel.Id)),
            OpenPause = new ChildTarget(pause.Id, pause.Child, published.Contains(pause.Id)),
            FamilyContact = new ChildTarget(family.Id, family.Child, published.Contains(family.Id)),
            OpenQaSubmission = new ChildTarget(qa.Id, qa.Child, published.Contains(qa.Id)),
            ClosureId = await db.QuarterClosures.Where(q => q.PartnershipId == first && q.SupersededAtUtc == null).OrderByDescending(q => q.Id).Select(q => q.Id).FirstAsync(),
            AnyThemeId = themes.Order().First(),
        };
    }
}
