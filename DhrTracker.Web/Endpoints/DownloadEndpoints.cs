using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Documents.Models;
using DhrTracker.Web.Features.Admin.Backup;
using DhrTracker.Web.Features.Audit.GetAuditTrail;
using DhrTracker.Web.Features.Documents;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Web.Endpoints;

/// <summary>
/// File downloads. Each one goes through the same handler, and so the same role, agency and partnership
/// checks, as the page it belongs to.
/// </summary>
public static class DownloadEndpoints
{
    private const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/downloads/audit/review-{reviewId:int}.csv", async (int reviewId, IMediator mediator, IClock clock, CancellationToken ct) =>
            await Guarded(async () =>
            {
                var view = await mediator.Send(new GetAuditTrailQuery(new AuditFilter(ReviewId: reviewId, Limit: 5000)), ct);
                var reference = view.Reviews.FirstOrDefault(r => r.Id == reviewId).Reference ?? throw new NotFoundException();
                return Results.File(GetAuditTrailHandler.ToCsv(view.Rows), "text/csv", FileNames.Safe($"{reference}-audit-trail-{clock.Today:yyyy-MM-dd}.csv"));
            })).NotStored();

        app.MapGet("/downloads/reviews/{reviewId:int}/{kind}.docx", async (int reviewId, string kind, IMediator mediator, CancellationToken ct) =>
            await Guarded(async () =>
            {
                var documentKind = kind switch
                {
                    "action-plan" => ReviewDocumentKind.ActionPlan,
                    "decision-notification" => ReviewDocumentKind.DecisionNotification,
                    "overview-report" => ReviewDocumentKind.OverviewReport,
                    _ => throw new NotFoundException(),
                };
                var file = await mediator.Send(new GetReviewDocumentQuery(reviewId, documentKind), ct);
                return Results.File(file.Content, DocxContentType, file.FileName);
            })).NotStored();

        app.MapGet("/downloads/quarters/{closureId:int}/{edition}.docx", async (int closureId, string edition, IMediator mediator, CancellationToken ct) =>
            await Guarded(async () =>
            {
                var paperEdition = edition switch
                {
                    "board-paper" => PaperEdition.Board,
                    "scrutiny-paper" => PaperEdition.Scrutiny,
                    _ => throw new NotFoundException(),
                };
                var file = await mediator.Send(new GetQuarterlyPaperQuery(closureId, paperEdition), ct);
                return Results.File(file.Content, DocxContentType, file.FileName);
            })).NotStored();

        app.MapGet("/downloads/quarters/draft/{startYear:int}-{number:int}/{edition}.docx", async (int startYear, int number, string edition, IMediator mediator, CancellationToken ct) =>
            await Guarded(async () =>
            {
                var paperEdition = edition switch
                {
                    "board-paper" => PaperEdition.Board,
                    "scrutiny-paper" => PaperEdition.Scrutiny,
                    _ => throw new NotFoundException(),
                };
                var file = await mediator.Send(new GetDraftQuarterlyPaperQuery(startYear, number, paperEdition), ct);
                return Results.File(file.Content, DocxContentType, file.FileName);
            }));

        app.MapGet("/downloads/backup", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
            await Guarded(async () =>
            {
                var backup = await mediator.Send(new TakeBackupCommand(), ct);
                // Sent as a stream, not as a file on disk: no Last-Modified (nor ETag) says anything about it, and the
                // temporary copy is deleted when the stream closes, whether or not the download completes.
                var stream = new FileStream(backup.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                http.Response.RegisterForDispose(stream);
                return Results.File(stream, "application/vnd.sqlite3", backup.DownloadName);
            })).NotStored();
    }

    /// <summary>
    /// Case documents, the audit CSV and the backup must not be kept by the browser or any cache between it and the
    /// server (a shared computer's cache, a proxy): <c>Cache-Control: no-store</c>.
    /// </summary>
    public static RouteHandlerBuilder NotStored(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return await next(context);
        });

    /// <summary>Refusals read the same as on pages: 403 for a role that may not, 404 for what is not theirs.</summary>
    public static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ForbiddenException)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (Domain.Common.DomainException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}

public static class FileNames
{
    /// <summary>Only letters, digits, dot, dash and underscore: safe in a Content-Disposition header and on every file system.</summary>
    public static string Safe(string name)
    {
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('-', '.');
        return cleaned.Length == 0 ? "download" : cleaned.Length > 120 ? cleaned[..120] : cleaned;
    }
}
