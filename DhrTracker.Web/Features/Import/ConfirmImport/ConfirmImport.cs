using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Import.ConfirmImport;

/// <summary>
/// Saves an import as the co-ordinator left it in the preview: the agencies they chose to create, the
/// recommendations (numbered as the plan numbers them, in report order after any the review already has), their
/// actions with lead and supporting agencies, target dates, milestones, progress and historic completions.
/// </summary>
[Requires(Operation.EditActionPlan)]
public sealed record ConfirmImportCommand(int ReviewId, ImportedPlan Plan, IReadOnlyDictionary<string, AgencyChoice> Agencies) : ICommand<ImportResult>;

public sealed record ImportResult(int ReviewId, int Recommendations, int Actions, int Milestones, int Completed, int AgenciesCreated);

/// <summary>
/// Everything is checked before anything is written, then written in one database transaction: new agencies,
/// then recommendations, then actions, then what needs their ids (milestones achieved, completions). The domain
/// needs saved ids for those steps (an action names its recommendation and lead agency by id), so there are
/// several saves, but any failure rolls all of them back. The import itself, with the source file's name, is
/// written to the review's history beside the audit entries of everything it created.
/// </summary>
public sealed partial class ConfirmImportHandler(AppDb appDb, IClock clock) : ICommandHandler<ConfirmImportCommand, ImportResult>
{
    /// <summary>The history entry's type: the review's history shows it as "Action plan import added".</summary>
    public const string HistoryEntityType = "ActionPlanImport";

    public async ValueTask<ImportResult> Handle(ConfirmImportCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command.Plan);
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == command.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        review.EnsureAcceptsRecommendations();

        var plan = command.Plan;
        var choices = new Dictionary<string, AgencyChoice>(command.Agencies, StringComparer.OrdinalIgnoreCase);
        if (choices.Values.Any(c => c.CreatesAgency))
        {
            user.Require(Operation.ManageAgencies);
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new AgencyOption(a.Id, a.Name, a.Kind)).ToListAsync(cancellationToken);
        var existing = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == review.Id)
            .Select(r => new { r.Number, r.SortOrder })
            .ToListAsync(cancellationToken);
        var today = clock.Today;
        var problems = ImportChecks.Problems(plan, choices, agencies, existing.Select(e => e.Number).ToList(), today);
        if (problems.Count > 0)
        {
            throw new DomainException(
                "The plan cannot be saved yet. " + string.Join(" ", problems.Take(5).Select(p => $"{p.Where}: {p.Message}"))
                + (problems.Count > 5 ? $" (and {problems.Count - 5} more)." : string.Empty));
        }

        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var themes = await db.Themes.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var firstSortOrder = existing.Count == 0 ? 1 : existing.Max(e => e.SortOrder) + 1;
        var nowUtc = clock.UtcNow;
        var actor = user.Actor;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // 1. The agencies the co-ordinator chose to create.
            var created = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, choice) in choices.Where(c => c.Value.CreatesAgency && plan.AgencyNames.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            {
                var agency = new Agency(user.PartnershipId, choice.NewName!, choice.NewKind);
                db.Agencies.Add(agency);
                created[name] = agency;
            }

            await Persistence.SaveAsync(db, ct);
            var byId = agencies.ToDictionary(a => a.Id, a => new AgencyOption(a.Id, a.Name, a.Kind));
            foreach (var agency in created.Values)
            {
                byId[agency.Id] = new AgencyOption(agency.Id, agency.Name, agency.Kind);
            }

            int IdOf(string name) => choices[name].AgencyId ?? created[name].Id;

            // 2. Recommendations, in report order after any the review already has.
            var ordered = plan.Recommendations.OrderBy(r => r.Number.Trim(), ImportChecks.NumberOrder).ToList();
            var recommendations = new List<(ImportedRecommendation Source, Recommendation Entity)>();
            var order = firstSortOrder;
            foreach (var source in ordered)
            {
                var entity = InContext($"Recommendation {source.Number}", () =>
                {
                    var rec = new Recommendation(user.PartnershipId, review.Id, source.Number.Trim(), source.Text, source.Scope, order++);
                    var addressees = ImportChecks.AddressedTo(source).Select(IdOf).Distinct().ToList();
                    if (source.Scope == RecommendationScope.National && !addressees.Any(id => byId[id].Kind == AgencyKind.NationalBody))
                    {
                        throw new DomainException("A national recommendation must be addressed to a national body (for example the Home Office).");
                    }

                    rec.AddressTo(addressees);
                    rec.Tag(themes.Where(t => source.Theme is { } theme && MentionsTheme(theme, t.Name)).Select(t => t.Id));
                    return rec;
                });
                db.Recommendations.Add(entity);
                recommendations.Add((source, entity));
            }

            await Persistence.SaveAsync(db, ct);

            // 3. Actions with their milestones, and the progress the plan reports on those still open.
            var actions = new List<(ImportedAction Source, ActionItem Entity)>();
            foreach (var (source, rec) in recommendations)
            {
                for (var i = 0; i < source.Actions.Count; i++)
                {
                    var imported = source.Actions[i];
                    var where = $"Recommendation {source.Number}, action {i + 1}";
                    var entity = InContext(where, () =>
                    {
                        var lead = IdOf(imported.LeadAgency!);
                        var supporting = imported.SupportingAgencies.Select(IdOf).Where(id => id != lead).Distinct().ToList();
                        var details = new ActionDetails(imported.Description, lead, supporting, imported.LeadOfficer, imported.TargetDate.Date, imported.OutcomeSought);
                        var action = new ActionItem(user.PartnershipId, review.Id, rec.Id, details, today, i + 1);
                        foreach (var milestone in imported.Milestones)
                        {
                            action.AddMilestone(milestone.Description, milestone.DueOn.Date ?? imported.TargetDate.Date!.Value);
                        }

                        var rating = imported.Rating is { } r && r != Rag.Blue ? r : (Rag?)null;
                        if (!string.IsNullOrWhiteSpace(imported.ProgressNote) || rating is not null)
                        {
                            var note = string.IsNullOrWhiteSpace(imported.ProgressNote) ? $"Rated {imported.RatingOriginal} in the plan." : imported.ProgressNote.Trim();
                            var narrative = $"From the imported action plan ({plan.SourceFileName}): {note}";
                            try
                            {
                                // The plan's RAG rating goes with the first update; the tracker refuses a rating better than the dates say.
                                action.PostUpdate(narrative, rating, rating is null ? null : $"Rated {imported.RatingOriginal} in the imported plan.", actor, nowUtc, settings.Thresholds);
                            }
                            catch (DomainException) when (rating is not null)
                            {
                                action.PostUpdate($"{narrative} (The plan rated it {imported.RatingOriginal}; its dates say otherwise.)", null, null, actor, nowUtc, settings.Thresholds);
                            }
                        }

                        return action;
                    });
                    db.Actions.Add(entity);
                    actions.Add((imported, entity));
                }
            }

            await Persistence.SaveAsync(db, ct);

            // 4. What needs the saved ids: milestones the plan records as achieved, then completions.
            foreach (var (source, action) in actions)
            {
                InContext($"Action \"{Short(source.Description)}\"", () =>
                {
                    for (var m = 0; m < source.Milestones.Count; m++)
                    {
                        if (source.Milestones[m].AchievedOn.Date is { } achieved)
                        {
                            action.MarkMilestoneAchieved(action.Milestones[m].Id, achieved, today);
                        }
                    }

                    if (source.IsComplete)
                    {
                        action.RecordHistoricCompletion(source.CompletedOn.Date!.Value, source.CompletionOutcome!, actor, today);
                    }

                    return action;
                });
            }

            // 5. The import itself in the review's history, with the file it came from.
            var result = new ImportResult(
                review.Id,
                recommendations.Count,
                actions.Count,
                actions.Sum(a => a.Entity.Milestones.Count),
                actions.Count(a => a.Source.IsComplete),
                created.Count);
            db.AuditEntries.Add(new AuditEntry(
                user.PartnershipId,
                nowUtc,
                user.UserId,
                user.Name,
                HistoryEntityType,
                review.Id.ToString(CultureInfo.InvariantCulture),
                review.Id,
                AuditKind.Added,
                JsonSerializer.Serialize(new object[]
                {
                    Change("Source file", plan.SourceFileName),
                    Change("Recommendations", result.Recommendations),
                    Change("Actions", result.Actions),
                    Change("Milestones", result.Milestones),
                    Change("Actions already complete", result.Completed),
                    Change("Agencies created", created.Count == 0 ? "None" : string.Join(", ", created.Values.Select(a => a.Name))),
                    Change("Not imported", plan.NotImported.Count == 0 ? "Nothing" : string.Join("\n", plan.NotImported.Select(n => $"{n.Where}, {n.Column}: \"{n.Text}\" ({n.Why})"))),
                })));

            await Persistence.SaveAsync(db, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>The shape the audit trail stores its changes in, so the review's history shows each line.</summary>
    private static object Change(string property, object value) =>
        new { Property = property, Before = (string?)null, After = Convert.ToString(value, CultureInfo.InvariantCulture) };

    /// <summary>A rule broken while building one part of the plan, said with where it is.</summary>
    private static T InContext<T>(string where, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainException ex)
        {
            throw new DomainException($"{where}: {ex.Message} Nothing has been imported.");
        }
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>Whether a theme row ("Theme 1 – Training and awareness") names one of the partnership's themes.</summary>
    private static bool MentionsTheme(string themeRow, string themeName) =>
        Regex.IsMatch(themeRow, $@"(?<!\w){Regex.Escape(themeName)}(?!\w)", RegexOptions.IgnoreCase);
}
