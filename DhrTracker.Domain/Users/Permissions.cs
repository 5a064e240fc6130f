namespace DhrTracker.Domain.Users;

/// <summary>Everything a person can do or see, named once. The matrix below says who may.</summary>
public enum Operation
{
    ViewRegister,
    ViewReviewStages,
    ViewConfidentialFacts,
    RecordNotification,
    RecordDecision,
    EditReview,
    ViewReviewHistory,
    ViewFullActionPlan,
    ViewPublishedActionPlan,
    EditActionPlan,
    ViewOwnAgencyActions,
    UpdateOwnAgencyAction,
    DecideCompletionAndRevisions,
    ViewOwnAgencyReportRequests,
    RecordOwnAgencyReportSubmission,
    ViewDeliveryDashboard,
    ViewChairDashboard,
    ViewScrutinySummary,
    ViewThemes,
    CloseQuarter,
    DownloadReviewDocuments,
    DownloadBoardPaper,
    DownloadScrutinyPaper,
    ViewAuditTrail,
    ManageUsers,
    ManageAgencies,
    ManageSettings,
    TakeBackup,
    ManagePartnerships,
}

/// <summary>
/// The condition the handler applies on top of the role, to the thing asked for. Anything that fails it reads
/// as "not found", exactly as a missing record does.
/// </summary>
public enum Condition
{
    /// <summary>Anything in the person's own partnership (the database never returns another's rows).</summary>
    OwnPartnership,

    /// <summary>Only what the lead officer's own agency leads or was asked for.</summary>
    OwnAgency,

    /// <summary>Only reviews that have been published.</summary>
    PublishedReviews,

    /// <summary>The whole installation: only its named owners (<c>Security:InstallationAdministrators</c>) as well as the role.</summary>
    InstallationOwners,
}

/// <summary>
/// The one authorization matrix of DOMAIN.md ("People and what they may do"). Handlers and endpoints
/// ask it; the UI only uses it to decide what to show. Partnership isolation is not here: the database
/// never returns another partnership's rows. The agency condition for lead officers is applied by the
/// handlers of the "own agency" operations; <see cref="ConditionOf"/> names it for each operation.
/// </summary>
public static class Permissions
{
    private static readonly IReadOnlyDictionary<Role, HashSet<Operation>> Matrix = new Dictionary<Role, HashSet<Operation>>
    {
        [Role.CspChair] =
        [
            Operation.ViewRegister, Operation.ViewReviewStages, Operation.ViewConfidentialFacts, Operation.RecordNotification,
            Operation.RecordDecision, Operation.EditReview, Operation.ViewReviewHistory, Operation.ViewFullActionPlan,
            Operation.ViewPublishedActionPlan, Operation.ViewChairDashboard, Operation.ViewDeliveryDashboard, Operation.ViewThemes,
            Operation.DownloadReviewDocuments, Operation.DownloadBoardPaper, Operation.DownloadScrutinyPaper,
        ],
        [Role.Coordinator] =
        [
            Operation.ViewRegister, Operation.ViewReviewStages, Operation.ViewConfidentialFacts, Operation.RecordNotification,
            Operation.EditReview, Operation.ViewReviewHistory, Operation.ViewFullActionPlan, Operation.ViewPublishedActionPlan,
            Operation.EditActionPlan, Operation.DecideCompletionAndRevisions, Operation.ViewDeliveryDashboard, Operation.ViewChairDashboard,
            Operation.ViewThemes, Operation.CloseQuarter, Operation.DownloadReviewDocuments, Operation.DownloadBoardPaper,
            Operation.DownloadScrutinyPaper, Operation.ViewAuditTrail, Operation.ManageAgencies,
        ],
        [Role.LeadOfficer] =
        [
            Operation.ViewOwnAgencyActions, Operation.UpdateOwnAgencyAction, Operation.ViewOwnAgencyReportRequests,
            Operation.RecordOwnAgencyReportSubmission,
        ],
        [Role.Scrutiny] =
        [
            Operation.ViewRegister, Operation.ViewReviewStages, Operation.ViewPublishedActionPlan, Operation.ViewScrutinySummary,
            Operation.DownloadScrutinyPaper,
        ],
        [Role.Administrator] =
        [
            Operation.ManageUsers, Operation.ManageAgencies, Operation.ManageSettings, Operation.ViewAuditTrail, Operation.TakeBackup,
        ],

        // The installation's owners set up partnerships and appoint their administrators; they see no case data.
        [Role.InstallationAdministrator] =
        [
            Operation.ManagePartnerships,
        ],
    };

    /// <summary>The agency, publication or installation condition of DOMAIN.md that goes with an operation.</summary>
    public static Condition ConditionOf(Operation operation) => operation switch
    {
        Operation.ViewOwnAgencyActions or Operation.UpdateOwnAgencyAction
            or Operation.ViewOwnAgencyReportRequests or Operation.RecordOwnAgencyReportSubmission => Condition.OwnAgency,
        Operation.ViewPublishedActionPlan => Condition.PublishedReviews,
        Operation.TakeBackup or Operation.ManagePartnerships => Condition.InstallationOwners,
        _ => Condition.OwnPartnership,
    };

    public static bool Allows(Role role, Operation operation) => Matrix.TryGetValue(role, out var ops) && ops.Contains(operation);

    public static IEnumerable<Operation> For(Role role) => Matrix.TryGetValue(role, out var ops) ? ops : [];
}
