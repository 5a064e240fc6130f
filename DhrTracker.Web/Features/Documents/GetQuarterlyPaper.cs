using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Documents;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Endpoints;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Quarters;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Documents;

public sealed record GetQuarterlyPaperQuery(int ClosureId, PaperEdition Edition) : IQuery<DocumentFile>, IDecidesItsOperation
{
    public Operation RequiredOperation => Edition == PaperEdition.Board ? Operation.DownloadBoardPaper : Operation.DownloadScrutinyPaper;
}

/// <summary>
/// The quarterly progress paper for one closed quarter, written from what was kept when it was closed and from
/// nothing else, so it reads the same whatever is recorded later. A closure made before papers were kept is rebuilt
/// from its snapshot and the reviews as they stood at its close. The scrutiny edition is written by the same writer,
/// which withholds unpublished text itself.
/// </summary>
public sealed class GetQuarterlyPaperHandler(RequestContext context, QuarterlyPaperWriter writer) : IQueryHandler<GetQuarterlyPaperQuery, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetQuarterlyPaperQuery query, CancellationToken cancellationToken)
    {
        var paper = await ClosedPaperAsync(context.Db, query.ClosureId, cancellationToken);
        return PaperFiles.File(context.Db, paper with { Edition = query.Edition }, writer);
    }

    /// <summary>The closed quarter's paper: the kept record, or for an older closure its rebuilding as at its close.</summary>
    public static async Task<QuarterlyPaperModel> ClosedPaperAsync(Infrastructure.Data.DhrDbContext db, int closureId, CancellationToken cancellationToken)
    {
        var closure = await db.QuarterClosures.AsNoTracking().InScope(db)
            .Where(q => q.Id == closureId)
            .Select(q => new { q.Id, q.StartYear, q.QuarterNumber, q.ClosedAtUtc, q.ClosedByName, q.Record })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        if (closure.Record is { } record)
        {
            return QuarterRecordJson.Deserialize(record);
        }

        var quarter = new FinancialQuarter(closure.StartYear, closure.QuarterNumber);
        var closedOn = UkTime.DateOf(closure.ClosedAtUtc);
        var snapshots = await db.Set<ActionSnapshot>().AsNoTracking().Where(s => s.QuarterClosureId == closure.Id).ToListAsync(cancellationToken);
        var earlier = await QuarterPapers.EarlierAsync(db, quarter, cancellationToken);
        return await QuarterPapers.BuildAsync(db, quarter, QuarterPapers.AsAt(quarter, closedOn), snapshots, earlier, closure.ClosedByName, closedOn, isDraft: false, cancellationToken);
    }
}

/// <summary>The paper of a quarter not yet closed: "Draft — as at" today, from the data as it stands.</summary>
public sealed record GetDraftQuarterlyPaperQuery(int StartYear, int QuarterNumber, PaperEdition Edition) : IQuery<DocumentFile>, IDecidesItsOperation
{
    public Operation RequiredOperation => Edition == PaperEdition.Board ? Operation.DownloadBoardPaper : Operation.DownloadScrutinyPaper;
}

public sealed class GetDraftQuarterlyPaperHandler(RequestContext context, QuarterlyPaperWriter writer) : IQueryHandler<GetDraftQuarterlyPaperQuery, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetDraftQuarterlyPaperQuery query, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var today = context.Today;
        if (query.QuarterNumber is < 1 or > 4 || query.StartYear is < 1999 or > 2100)
        {
            throw new NotFoundException();
        }

        var quarter = new FinancialQuarter(query.StartYear, query.QuarterNumber);
        if (quarter.Start > today)
        {
            throw new DomainException($"{quarter.Label} has not started yet.", "Quarter");
        }

        if (await db.QuarterClosures.InScope(db).AnyAsync(q => q.StartYear == quarter.StartYear && q.QuarterNumber == quarter.Number && q.SupersededAtUtc == null, cancellationToken))
        {
            throw new DomainException($"{quarter.Label} is closed: its paper is the one kept when it was closed.", "Quarter");
        }

        var asOf = QuarterPapers.AsAt(quarter, today);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var snapshots = await QuarterPapers.SnapshotsAsync(db, quarter, asOf, settings.Thresholds, cancellationToken);
        var earlier = await QuarterPapers.EarlierAsync(db, quarter, cancellationToken);
        var paper = await QuarterPapers.BuildAsync(db, quarter, asOf, snapshots, earlier, context.User.Name, today, isDraft: true, cancellationToken);
        return PaperFiles.File(db, paper with { Edition = query.Edition }, writer);
    }
}

internal static class PaperFiles
{
    public static DocumentFile File(Infrastructure.Data.DhrDbContext db, QuarterlyPaperModel paper, QuarterlyPaperWriter writer)
    {
        var quarter = paper.Quarter;
        var what = (paper.Edition == PaperEdition.Board ? "board-paper" : "scrutiny-paper") + (paper.IsDraft ? "-draft" : string.Empty);
        var code = db.Partnerships.AsNoTracking().InScope(db).Select(p => p.ShortCode).Single();
        var name = FileNames.Safe($"{code}-{what}-Q{quarter.Number}-{quarter.StartYear}-{(quarter.StartYear + 1) % 100:00}-{paper.ProducedOn:yyyy-MM-dd}") + ".docx";
        return new DocumentFile(name, writer.Write(paper));
    }
}
