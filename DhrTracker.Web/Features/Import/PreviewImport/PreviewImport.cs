using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Import;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Import.PreviewImport;

/// <summary>
/// Reads an uploaded plan for a review and shows what would be created. Writes nothing to the database. For a
/// workbook without a <see cref="Mapping"/>, it returns the column-mapping step instead, prefilled from the
/// partnership's last mapping; with one, it reads the plan and remembers the mapping.
/// </summary>
[Requires(Operation.EditActionPlan)]
public sealed record PreviewImportQuery(int ReviewId, string FileName, byte[] Content, ColumnMapping? Mapping = null) : IQuery<ImportPreview>;

public sealed record ImportPreview(
    int ReviewId,
    string ReviewReference,
    string FileName,
    ImportSource Source,
    ImportedPlan? Plan,
    ExcelMappingStep? MappingStep,
    IReadOnlyList<AgencyOption> Agencies,
    IReadOnlyList<string> NumbersInReview)
{
    /// <summary>The choice the preview starts from for each agency name: the matched agency, or none yet.</summary>
    public Dictionary<string, AgencyChoice> InitialChoices()
    {
        var choices = new Dictionary<string, AgencyChoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, match) in Plan?.AgencyMatches ?? [])
        {
            if (match.AgencyId is { } id)
            {
                choices[name] = AgencyChoice.Existing(id);
            }
        }

        return choices;
    }
}

/// <summary>The workbook's sheets and columns, and the mapping to start from (the last one used, or one suggested from the headings).</summary>
public sealed record ExcelMappingStep(IReadOnlyList<ExcelSheetInfo> Sheets, ColumnMapping Prefilled, bool FromLastTime);

public sealed class PreviewImportHandler(AppDb appDb, IImportMappingStore mappings) : IQueryHandler<PreviewImportQuery, ImportPreview>
{
    public async ValueTask<ImportPreview> Handle(PreviewImportQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.EditActionPlan);

        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.Decisions)
            .SingleOrDefaultAsync(r => r.Id == query.ReviewId, cancellationToken)
            ?? throw new NotFoundException();
        review.EnsureAcceptsRecommendations();

        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive)
            .OrderBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name, a.Kind))
            .ToListAsync(cancellationToken);
        var numbers = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == review.Id)
            .Select(r => r.Number)
            .ToListAsync(cancellationToken);
        var matcher = new AgencyMatcher(agencies.Select(a => new AgencyCandidate(a.Id, a.Name, a.Kind)));
        var fileName = Path.GetFileName(query.FileName ?? string.Empty);
        try
        {
            var source = PlanFile.KindOf(fileName);
            ImportPreview Preview(ImportedPlan? plan, ExcelMappingStep? step) =>
                new(review.Id, review.Reference, fileName, source, plan, step, agencies, numbers);

            if (source == ImportSource.Word)
            {
                return Preview(new WordPlanReader(matcher).Read(query.Content, fileName), null);
            }

            var reader = new ExcelPlanReader(matcher);
            if (query.Mapping is null)
            {
                var sheets = reader.Inspect(query.Content, fileName);
                return Preview(null, Prefill(sheets, await mappings.GetAsync(user.PartnershipId, cancellationToken)));
            }

            var read = reader.Read(query.Content, fileName, query.Mapping);
            try
            {
                await mappings.SaveAsync(user.PartnershipId, query.Mapping, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Remembering the mapping only saves typing next time; the plan itself was read.
            }

            return Preview(read, null);
        }
        catch (ImportException ex)
        {
            // Said next to the file (or the mapping), as any other rule the person can put right.
            throw new DomainException(ex.Message, query.Mapping is null ? FileField : MappingField);
        }
    }

    /// <summary>The field a problem with the file itself is shown beside.</summary>
    public const string FileField = "File";

    /// <summary>The field a problem with the chosen columns is shown beside.</summary>
    public const string MappingField = "Mapping";

    /// <summary>
    /// The last mapping when there is one (on its sheet if this workbook has it, else on the sheet that looks most
    /// like a plan), otherwise the mapping suggested from the headings of that sheet.
    /// </summary>
    internal static ExcelMappingStep Prefill(IReadOnlyList<ExcelSheetInfo> sheets, ColumnMapping? last)
    {
        var planSheet = sheets.FirstOrDefault(s => s.LooksLikePlan) ?? sheets.FirstOrDefault(s => s.Suggested.Action is not null) ?? sheets[0];
        if (last is null)
        {
            return new ExcelMappingStep(sheets, planSheet.Suggested, FromLastTime: false);
        }

        // The workbook's own headings come first: last time's mapping was made for another workbook, and applied to one
        // whose headings say otherwise it reads the wrong columns. It is used for a sheet of the same name whose headings are
        // not recognised, or are recognised at the same place (the same tracker brought again).
        var sheet = sheets.FirstOrDefault(s => string.Equals(s.Name, last.Sheet, StringComparison.OrdinalIgnoreCase));
        if (sheet is null || (sheet.Suggested.Action is not null && (sheet.Suggested.HeaderRow != last.HeaderRow || sheet.Suggested.Action != last.Action)))
        {
            return new ExcelMappingStep(sheets, planSheet.Suggested, FromLastTime: false);
        }

        return new ExcelMappingStep(sheets, last with { Sheet = sheet.Name }, FromLastTime: true);
    }
}
