using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Infrastructure.Data;

/// <summary>
/// The model, shared by both providers. Every partnership-scoped entity carries a query filter so that a
/// context made for one partnership cannot read another's rows. Each save also bumps concurrency versions
/// and writes the audit trail in the same transaction. It also holds the ASP.NET Core data-protection key ring
/// (<see cref="DataProtectionKeys"/>), so that every instance of the app signs and reads the same cookies.
/// </summary>
public abstract class DhrDbContext : DbContext, IDataProtectionKeyContext
{
    protected DhrDbContext(DbContextOptions options, DataScope scope)
        : base(options)
    {
        Scope = scope;
        ScopePartnershipId = scope.PartnershipId;
        ScopeAllPartnerships = scope.AllPartnerships;
    }

    public DataScope Scope { get; }

    /// <summary>Off only for bulk loads (demo and generated data), which are not anyone's edits.</summary>
    public bool WriteAuditTrail { get; set; } = true;

    // Read by the query filters; EF turns them into parameters per context instance.
    private int ScopePartnershipId { get; }
    private bool ScopeAllPartnerships { get; }

    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<QuarterClosure> QuarterClosures => Set<QuarterClosure>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PendingEvent> PendingEvents => Set<PendingEvent>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<DigestSchedule> DigestSchedules => Set<DigestSchedule>();

    /// <summary>
    /// The data-protection key ring shared by every instance (auth cookies, antiforgery tokens). Not partnership
    /// data: not filtered, not audited (a key is a secret, and the trail is readable by co-ordinators).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DhrDbContext).Assembly);

        modelBuilder.Entity<Partnership>().HasQueryFilter(p => ScopeAllPartnerships || p.Id == ScopePartnershipId);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(IPartnershipScoped).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var method = typeof(DhrDbContext).GetMethod(nameof(ApplyPartnershipFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType);
            method.Invoke(this, [modelBuilder]);
        }

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    private void ApplyPartnershipFilter<T>(ModelBuilder modelBuilder)
        where T : class, IPartnershipScoped
    {
        Expression<Func<T, bool>> filter = e => ScopeAllPartnerships || e.PartnershipId == ScopePartnershipId;
        modelBuilder.Entity<T>().HasQueryFilter(filter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it writes the audit trail in the same transaction.");

    /// <summary>What <see cref="Interceptors.AuditTrailInterceptor"/> captured before the save in progress, written after it.</summary>
    internal object? PendingAuditState { get; set; }

    /// <summary>
    /// Saves the changes and their audit trail in one transaction. Alone, a save is its own unit of work: it runs
    /// inside the provider's execution strategy, which retries the whole transaction on a transient failure (SQL
    /// Server's retry on failure, SQLite's busy retry). Inside a larger unit (a transaction already open, begun
    /// within <c>CreateExecutionStrategy().ExecuteAsync</c> by the handler pipeline or a bulk command), it joins that
    /// transaction and the unit's owner commits and retries. Either way no transaction is ever begun outside an
    /// execution strategy, which EF refuses under a retrying one (docs/decisions/0010).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        RefuseAuditRewrites();
        if (!ScopeAllPartnerships)
        {
            RefuseForeignWrites();
        }

        // Once per save, outside any retry: a retried attempt must not bump a version twice.
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var written = await Database.CreateExecutionStrategy().ExecuteAsync(
            this,
            async (_, db, ct) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // Changes are accepted only once the transaction has committed, so that a retry saves them all again.
                var n = await db.SaveInCurrentTransactionAsync(ct);
                await transaction.CommitAsync(ct);
                return n;
            },
            null,
            cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    private Task<int> SaveInCurrentTransactionAsync(CancellationToken cancellationToken) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }
    }

    /// <summary>A second line of defence behind the query filters: a context never writes another partnership's rows.</summary>
    private void RefuseForeignWrites()
    {
        foreach (var entry in ChangeTracker.Entries<IPartnershipScoped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.PartnershipId != ScopePartnershipId)
            {
                throw new InvalidOperationException("A write outside the signed-in person's partnership was refused.");
            }
        }
    }
}
