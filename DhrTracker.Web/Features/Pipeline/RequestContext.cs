using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Pipeline;

/// <summary>
/// What a handler works with while it handles one request: who is asking, the database as they may see it, and
/// the clock. <see cref="RequestPipeline{TMessage, TResponse}"/> sets it up around each request: the person is
/// already checked against the request's declared operation, and a command's changes are saved (with their audit
/// trail, in one transaction, retried as a whole on a transient failure) when the handler returns.
/// <para>
/// It is a scoped service, and in Blazor Server a scope lives as long as the circuit, in which two requests may be
/// in flight at once; so the per-request state is held in an <see cref="AsyncLocal{T}"/> that flows only into the
/// request's own handler.
/// </para>
/// </summary>
public sealed class RequestContext(DhrDbContextFactory factory, IClock clock)
{
    private static readonly AsyncLocal<Call?> CurrentCall = new();

    /// <summary>The one source of time: <see cref="IClock.Today"/> is the UK date.</summary>
    public IClock Clock => clock;

    public DateOnly Today => clock.Today;

    public DateTime UtcNow => clock.UtcNow;

    /// <summary>The person sending the request (already checked against its declared operation).</summary>
    public UserContext User => Call.User;

    /// <summary>The database as <see cref="User"/> may see it (their partnership only), opened on first use.</summary>
    public DhrDbContext Db => Call.Db ??= factory.Create(DataScope.For(User.PartnershipId, User.UserId, User.Name));

    /// <summary>
    /// The whole installation's database, for the installation administrator's own requests (partnerships): every
    /// partnership's rows, written against their name. Only an installation administrator may open it, and only as the
    /// request's one context.
    /// </summary>
    public DhrDbContext InstallationDb
    {
        get
        {
            if (User.Role != Domain.Users.Role.InstallationAdministrator)
            {
                throw new ForbiddenException();
            }

            if (Call.Db is { } open)
            {
                return open.Scope.AllPartnerships ? open : throw new InvalidOperationException("This request already opened its partnership's database.");
            }

            return Call.Db = factory.Create(new DataScope(0, AllPartnerships: true, UserId: null, UserName: User.Name));
        }
    }

    /// <summary>
    /// Saves now, in the middle of a command (to learn a new row's id, say). The rest of the command joins the same
    /// transaction, which commits when the command returns; a conflict or a busy database is translated by the pipeline.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!Call.IsCommand)
        {
            throw new InvalidOperationException("A query does not save.");
        }

        if (Db.Database.CurrentTransaction is null)
        {
            await Db.Database.BeginTransactionAsync(cancellationToken);
        }

        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses a save made from a stale form: the version the person loaded must still be the current one. Also tells
    /// EF to check it in the UPDATE, so a save racing this one is caught too.
    /// </summary>
    public void ExpectVersion<T>(T entity, int expectedVersion)
        where T : class, IVersioned
    {
        if (entity.Version != expectedVersion)
        {
            throw new ConflictException();
        }

        Db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }

    /// <summary>
    /// Marks <paramref name="aggregate"/> changed even when only one of its parts did, so that its version moves on and
    /// any form opened before this change is refused rather than silently overwriting it.
    /// </summary>
    public void Touch<T>(T aggregate)
        where T : class, IVersioned =>
        Db.Entry(aggregate).Property(e => e.Version).IsModified = true;

    private Call Call => CurrentCall.Value ?? throw new InvalidOperationException("RequestContext is available only inside a Mediator handler.");

    internal Call Begin(UserContext user, bool isCommand)
    {
        var call = new Call(user, isCommand);
        CurrentCall.Value = call;
        return call;
    }

    internal static void End() => CurrentCall.Value = null;
}

internal sealed class Call(UserContext user, bool isCommand) : IAsyncDisposable
{
    public UserContext User { get; } = user;

    public bool IsCommand { get; } = isCommand;

    public DhrDbContext? Db { get; set; }

    /// <summary>Saves what the command left unsaved and commits the transaction a mid-command save began.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (Db is null)
        {
            return;
        }

        await Db.SaveChangesAsync(cancellationToken);
        if (Db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            Db.ChangeTracker.AcceptAllChanges();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}
