using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Pipeline;

/// <summary>
/// The steps every request takes, so that handlers hold only what is particular to them (docs/decisions/0010):
/// <list type="number">
/// <item>who is asking, checked against what the request declares (<see cref="Requirement"/>);</item>
/// <item>for a command, the whole unit of work — open the database, run the handler, save, commit — inside the
/// provider's execution strategy, so that a transient failure (SQL Server's deadlocks, time-outs and lost
/// connections; SQLite's busy database) retries it from the start on a fresh context;</item>
/// <item>what went wrong in the database, translated into a message a person can act on: someone else's change
/// (<see cref="ConflictException"/>) or a database that could not take it (<see cref="StorageUnavailableException"/>).</item>
/// </list>
/// </summary>
public sealed class RequestPipeline<TMessage, TResponse>(ICurrentUser currentUser, RequestContext context, DhrDbContextFactory factory)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var user = await currentUser.TryGetAsync(cancellationToken);
        Requirement.Check(message, user);
        var isCommand = message is IBaseCommand;
        try
        {
            if (!isCommand)
            {
                await using var call = context.Begin(user!, isCommand: false);
                try
                {
                    return await next(message, cancellationToken);
                }
                finally
                {
                    RequestContext.End();
                }
            }

            return await factory.ExecuteAsync(
                async ct =>
                {
                    // A fresh context for each attempt: a retry starts again from what the database holds.
                    await using var call = context.Begin(user!, isCommand: true);
                    try
                    {
                        var response = await next(message, ct);
                        await call.CompleteAsync(ct);
                        return response;
                    }
                    finally
                    {
                        RequestContext.End();
                    }
                },
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException();
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && StorageFailures.IsTransient(ex))
        {
            throw new StorageUnavailableException(ex);
        }
    }
}
