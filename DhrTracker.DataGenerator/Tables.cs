namespace DhrTracker.DataGenerator;

public enum ColumnType
{
    Int,
    Text,
    Date,
    DateTime,
    Bool,
}

public sealed record Column(string Name, ColumnType Type);

/// <summary>A table the generator fills, its columns in the order rows are written.</summary>
public sealed class TableSpec
{
    public TableSpec(string name, params (string Name, ColumnType Type)[] columns)
    {
        Name = name;
        Columns = columns.Select(c => new Column(c.Name, c.Type)).ToList();
        Values = new object?[Columns.Count];
    }

    public string Name { get; }
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The row being written: fill it, then call <see cref="IRowSink.Write"/>.</summary>
    public object?[] Values { get; }

    public long Rows { get; set; }
}

/// <summary>The tables of one run, in foreign-key order: a table only refers to tables before it.</summary>
public sealed class Tables
{
    private const ColumnType I = ColumnType.Int, T = ColumnType.Text, D = ColumnType.Date, Dt = ColumnType.DateTime, B = ColumnType.Bool;

    public readonly TableSpec Partnerships = new("Partnerships",
        ("Id", I), ("Name", T), ("ShortCode", T), ("ContactName", T), ("ContactEmail", T), ("Version", I),
        ("Settings_AgencyReportDueDays", I), ("Settings_AmberMilestoneOverdueDays", I), ("Settings_CompletionDueMonths", I),
        ("Settings_DecisionDueMonths", I), ("Settings_HomeOfficeNotificationDueMonths", I), ("Settings_OverviewReportHeadings", T),
        ("Settings_StaleUpdateDays", I));

    public readonly TableSpec Agencies = new("Agencies", ("Id", I), ("PartnershipId", I), ("Name", T), ("Kind", T), ("IsActive", B), ("Version", I));

    public readonly TableSpec Themes = new("Themes", ("Id", I), ("PartnershipId", I), ("Name", T));

    public readonly TableSpec Users = new("Users",
        ("Id", I), ("PartnershipId", I), ("DisplayName", T), ("Email", T), ("ExternalObjectId", T), ("Role", T), ("AgencyId", I),
        ("IsDemo", B), ("IsActive", B), ("Version", I));

    public readonly TableSpec Reviews = new("Reviews",
        ("Id", I), ("PartnershipId", I), ("Reference", T), ("Kind", T), ("CreatedAtUtc", Dt), ("Version", I), ("NotifiedOn", D),
        ("NotifyingAgencyId", I), ("DateOfDeath", D), ("VictimPseudonym", T), ("VictimAge", I), ("PerpetratorPseudonym", T),
        ("PerpetratorAge", I), ("Relationship", T), ("Circumstances", T), ("HomeOfficeNotifiedOn", D), ("HomeOfficeNotifiedBy", T),
        ("IndependentChairName", T), ("IndependentChairOrganisation", T), ("ChairAppointedOn", D), ("AuthorName", T),
        ("TermsOfReferenceAgreedOn", D), ("PeriodUnderReviewFrom", D), ("PeriodUnderReviewTo", D), ("TermsOfReferenceSummary", T),
        ("OverviewDraftedOn", D), ("PanelSignedOffOn", D), ("CspSignedOffOn", D), ("PublishedOn", D), ("PublishedWhere", T),
        ("CommissionerCopySentOn", D), ("SecretaryOfStateCopySentOn", D), ("ClosedOn", D), ("ClosureNote", T));

    public readonly TableSpec Decisions = new("ReviewDecision",
        ("Id", I), ("ReviewId", I), ("VictimAged16OrOver", B), ("RelationshipCriterionMet", B), ("DeathFromAbuseCriterionMet", B),
        ("Outcome", T), ("JointWith", T), ("JointReviewReference", T), ("Rationale", T), ("DecidedOn", D), ("DecidedByUserId", I),
        ("DecidedByName", T), ("RecordedAtUtc", Dt), ("CorrectsDecisionId", I));

    public readonly TableSpec PanelMembers = new("PanelMember", ("Id", I), ("ReviewId", I), ("AgencyId", I), ("Name", T), ("PanelRole", T));

    public readonly TableSpec AgencyReports = new("AgencyReport",
        ("Id", I), ("ReviewId", I), ("AgencyId", I), ("Kind", T), ("RequestedOn", D), ("DueOn", D), ("ReceivedOn", D), ("ReceivedRecordedBy", T));

    public readonly TableSpec FamilyContacts = new("FamilyContact",
        ("Id", I), ("ReviewId", I), ("Description", T), ("ContactOfferedOn", D), ("Response", T), ("RespondedOn", D), ("Advocacy", T), ("Notes", T));

    public readonly TableSpec Pauses = new("ReviewPause",
        ("Id", I), ("ReviewId", I), ("Reason", T), ("StartedOn", D), ("EndedOn", D), ("Notes", T), ("HomeOfficeToldOn", D));

    public readonly TableSpec QaSubmissions = new("QaSubmission",
        ("Id", I), ("ReviewId", I), ("SubmittedOn", D), ("PanelMeetingOn", D), ("FeedbackLetterOn", D), ("Outcome", T), ("FeedbackSummary", T));

    public readonly TableSpec StageRecords = new("StageRecord", ("Id", I), ("ReviewId", I), ("Stage", I), ("RecordedByName", T), ("RecordedAtUtc", Dt));

    public readonly TableSpec Recommendations = new("Recommendations",
        ("Id", I), ("PartnershipId", I), ("ReviewId", I), ("Number", T), ("Text", T), ("Scope", T), ("SortOrder", I), ("Version", I));

    public readonly TableSpec Addressees = new("RecommendationAddressee", ("RecommendationId", I), ("AgencyId", I));

    public readonly TableSpec RecommendationThemes = new("RecommendationTheme", ("RecommendationId", I), ("ThemeId", I));

    public readonly TableSpec Actions = new("Actions",
        ("Id", I), ("PartnershipId", I), ("ReviewId", I), ("RecommendationId", I), ("SortOrder", I), ("Description", T), ("LeadAgencyId", I),
        ("LeadOfficerName", T), ("OutcomeSought", T), ("CreatedOn", D), ("OriginalTargetDate", D), ("TargetDate", D),
        ("ProposedCompletionOn", D), ("ProposedEvidence", T), ("ProposedByName", T), ("CompletedOn", D), ("CompletionEvidence", T),
        ("CompletionAcceptedOn", D), ("CompletionAcceptedByName", T), ("LastReturnReason", T), ("LastReturnedOn", D), ("LastUpdateOn", D),
        ("Version", I));

    public readonly TableSpec SupportingAgencies = new("ActionSupportingAgency", ("ActionItemId", I), ("AgencyId", I));

    public readonly TableSpec Milestones = new("Milestone", ("Id", I), ("ActionItemId", I), ("Description", T), ("DueOn", D), ("AchievedOn", D));

    public readonly TableSpec Updates = new("ProgressUpdate",
        ("Id", I), ("ActionItemId", I), ("AuthorUserId", I), ("AuthorName", T), ("PostedAtUtc", Dt), ("Narrative", T), ("Assessment", T), ("AssessmentReason", T));

    public readonly TableSpec Revisions = new("TargetDateRevision",
        ("Id", I), ("ActionItemId", I), ("PreviousDate", D), ("RequestedDate", D), ("Reason", T), ("RequestedByName", T), ("RequestedAtUtc", Dt),
        ("State", T), ("DecidedByName", T), ("DecidedAtUtc", Dt), ("DecisionNote", T));

    public readonly TableSpec Closures = new("QuarterClosures",
        ("Id", I), ("PartnershipId", I), ("StartYear", I), ("QuarterNumber", I), ("ClosedAtUtc", Dt), ("ClosedByUserId", I), ("ClosedByName", T), ("SupersededAtUtc", Dt));

    public readonly TableSpec Snapshots = new("ActionSnapshot",
        ("Id", I), ("QuarterClosureId", I), ("ActionItemId", I), ("ReviewId", I), ("RecommendationId", I), ("LeadAgencyId", I), ("Status", T),
        ("Reason", T), ("TargetDate", D), ("OriginalTargetDate", D), ("CompletedOn", D), ("LatestUpdate", T), ("LatestUpdateOn", D));

    public IReadOnlyList<TableSpec> InOrder =>
    [
        Partnerships, Agencies, Themes, Users, Reviews, Decisions, PanelMembers, AgencyReports, FamilyContacts, Pauses, QaSubmissions,
        StageRecords, Recommendations, Addressees, RecommendationThemes, Actions, SupportingAgencies, Milestones, Updates, Revisions,
        Closures, Snapshots,
    ];
}
