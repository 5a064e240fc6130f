using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Partnerships;

namespace DhrTracker.Web.Features.ReadModels;

/// <summary>
/// The columns an action's status is derived from, with the keys every list groups by. This is the one projection of
/// those facts: every query that shows or counts a status reads them through <see cref="ActionStatusReadModel"/>, so a
/// new fact that status depends on is added here once.
/// </summary>
public sealed class ActionStatusColumns
{
    public int Id { get; init; }

    public int ReviewId { get; init; }

    public int RecommendationId { get; init; }

    public int SortOrder { get; init; }

    public int LeadAgencyId { get; init; }

    public DateOnly CreatedOn { get; init; }

    public DateOnly? TargetDate { get; init; }

    public DateOnly? OriginalTargetDate { get; init; }

    public DateOnly? CompletedOn { get; init; }

    public DateOnly? ProposedCompletionOn { get; init; }

    public DateOnly? CompletionAcceptedOn { get; init; }

    public DateOnly? LastUpdateOn { get; init; }

    public Rag? LatestAssessment { get; init; }

    public string? LatestReason { get; init; }

    /// <summary><see cref="ActionItem.CompletionAwaitingReview"/>, on the projected columns.</summary>
    public bool CompletionAwaitingReview => ActionItem.IsCompletionAwaitingReview(ProposedCompletionOn, CompletionAcceptedOn);

    public ActionStatusFacts Facts(IEnumerable<MilestoneRow> milestones) =>
        new(CreatedOn, TargetDate, CompletionAcceptedOn, milestones.Select(m => m.Fact).ToList(), LastUpdateOn, LatestAssessment, LatestReason);

    public StatusAssessment Derive(IEnumerable<MilestoneRow> milestones, DateOnly today, StatusThresholds thresholds) =>
        ActionStatus.Derive(Facts(milestones), today, thresholds);
}

/// <summary>
/// Reads <see cref="ActionStatusColumns"/> inside any query over actions beside their latest update. Write
/// <c>ActionStatusReadModel.Columns(x)</c> inside a selector given to <see cref="SelectWithStatus{TResult}"/>, next to
/// whatever else the list needs; the call is replaced by the projection below before EF sees the query.
/// </summary>
public static class ActionStatusReadModel
{
    private static readonly Expression<Func<ActionWithLatest, ActionStatusColumns>> Projection = x => new ActionStatusColumns
    {
        Id = x.Action.Id,
        ReviewId = x.Action.ReviewId,
        RecommendationId = x.Action.RecommendationId,
        SortOrder = x.Action.SortOrder,
        LeadAgencyId = x.Action.LeadAgencyId,
        CreatedOn = x.Action.CreatedOn,
        TargetDate = x.Action.TargetDate,
        OriginalTargetDate = x.Action.OriginalTargetDate,
        CompletedOn = x.Action.CompletedOn,
        ProposedCompletionOn = x.Action.ProposedCompletionOn,
        CompletionAcceptedOn = x.Action.CompletionAcceptedOn,
        LastUpdateOn = x.Action.LastUpdateOn,
        LatestAssessment = x.Latest == null ? null : x.Latest.Assessment,
        LatestReason = x.Latest == null ? null : x.Latest.AssessmentReason,
    };

    /// <summary>A marker for use inside <see cref="SelectWithStatus{TResult}"/>: it is never called.</summary>
    public static ActionStatusColumns Columns(ActionWithLatest action) =>
        throw new InvalidOperationException("ActionStatusReadModel.Columns is only for use inside SelectWithStatus.");

    /// <summary>Just the status columns.</summary>
    public static IQueryable<ActionStatusColumns> SelectStatus(this IQueryable<ActionWithLatest> query) => query.Select(Projection);

    /// <summary>The status columns beside what else the caller selects, in one query.</summary>
    public static IQueryable<TResult> SelectWithStatus<TResult>(this IQueryable<ActionWithLatest> query, Expression<Func<ActionWithLatest, TResult>> selector) =>
        query.Select(Expand(selector));

    /// <summary>The same for a query that joins other tables: the selector passes the <see cref="ActionWithLatest"/> to <see cref="Columns"/>.</summary>
    public static IQueryable<TResult> SelectWithStatus<TSource, TResult>(this IQueryable<TSource> query, Expression<Func<TSource, TResult>> selector) =>
        query.Select(Expand(selector));

    internal static Expression<Func<TSource, TResult>> Expand<TSource, TResult>(Expression<Func<TSource, TResult>> selector) =>
        (Expression<Func<TSource, TResult>>)new Expander().Visit(selector);

    private sealed class Expander : ExpressionVisitor
    {
        private static readonly System.Reflection.MethodInfo Marker = typeof(ActionStatusReadModel).GetMethod(nameof(Columns))!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != Marker)
            {
                return base.VisitMethodCall(node);
            }

            var argument = Visit(node.Arguments[0]);
            return new Substitute(Projection.Parameters[0], argument).Visit(Projection.Body);
        }
    }

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
