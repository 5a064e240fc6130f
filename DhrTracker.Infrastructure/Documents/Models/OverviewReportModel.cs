using DhrTracker.Domain.Reviews;

namespace DhrTracker.Infrastructure.Documents.Models;

/// <summary>
/// Everything the tracker knows that belongs in the overview report and executive summary. The writer fills the
/// sections it recognises from this and leaves the narrative ones for the independent chair.
/// </summary>
public sealed record OverviewReportModel
{
    public required string PartnershipName { get; init; }

    public required DateOnly ProducedOn { get; init; }

    public required bool IsPublished { get; init; }

    public required string ReviewReference { get; init; }

    public required ReviewKind Kind { get; init; }

    public required string VictimPseudonym { get; init; }

    public int? VictimAge { get; init; }

    public string? PerpetratorPseudonym { get; init; }

    public Relationship? Relationship { get; init; }

    public required DateOnly DateOfDeath { get; init; }

    /// <summary>
    /// The partnership's overview report headings in order (PartnershipSettings.HeadingList); null or empty
    /// means the Home Office 2016 structure (PartnershipSettings.DefaultOverviewHeadings).
    /// </summary>
    public IReadOnlyList<string>? Headings { get; init; }

    public string? IndependentChair { get; init; }

    public string? IndependentChairOrganisation { get; init; }

    /// <summary>When someone other than the chair writes the report; null when the chair is the author.</summary>
    public string? AuthorName { get; init; }

    public DateOnly? ChairAppointedOn { get; init; }

    // Timescales
    public required DateOnly NotifiedOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public DateOnly? HomeOfficeNotifiedOn { get; init; }

    /// <summary>Six months from the decision plus paused days (ReviewTimeline.CompletionDue).</summary>
    public DateOnly? CompletionDueOn { get; init; }

    /// <summary>Each stage with its due and done dates (from ReviewTimeline.Build).</summary>
    public IReadOnlyList<OverviewStage> Stages { get; init; } = [];

    // Terms of reference
    public DateOnly? TermsOfReferenceAgreedOn { get; init; }

    public DateOnly? PeriodUnderReviewFrom { get; init; }

    public DateOnly? PeriodUnderReviewTo { get; init; }

    public string? TermsOfReferenceSummary { get; init; }

    public IReadOnlyList<OverviewFamilyContact> FamilyContacts { get; init; } = [];

    public IReadOnlyList<OverviewAgencyReport> AgencyReports { get; init; } = [];

    public IReadOnlyList<OverviewPanelMember> Panel { get; init; } = [];

    public IReadOnlyList<OverviewPause> Pauses { get; init; } = [];

    /// <summary>The recommendations and their actions: listed under Recommendations, and the Appendix A action plan.</summary>
    public IReadOnlyList<ActionPlanGroup> ActionPlan { get; init; } = [];
}

public sealed record OverviewStage(string Title, DateOnly? DueOn, DateOnly? DoneOn);

public sealed record OverviewFamilyContact(
    string Description,
    DateOnly ContactOfferedOn,
    FamilyResponse Response,
    DateOnly? RespondedOn,
    string? Advocacy);

public sealed record OverviewAgencyReport(
    string Agency,
    AgencyReportKind Kind,
    DateOnly RequestedOn,
    DateOnly DueOn,
    DateOnly? ReceivedOn);

public sealed record OverviewPanelMember(string Name, string Role, string? Agency);

public sealed record OverviewPause(PauseReason Reason, DateOnly StartedOn, DateOnly? EndedOn, string? Notes);
