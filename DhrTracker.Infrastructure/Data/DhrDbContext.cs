using System.Linq.Expressions;
using System.Text.Json;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DhrTracker.Infrastructure.Data;

/// <summary>
/// The model, shared by both providers. Every partnership-scoped entity carries a query filter so that a
/// context made for one partnership cannot read another's rows. Each save also bumps concurrency versions
/// and writes the audit trail in the same transaction. It also holds the ASP.NET Core data-protection key ring
/// (<see cref="DataProtectionKeys"/>), so that every instance of the app signs and reads the same cookies.
/// </summary>
public abstract class DhrDbContext : DbContext, IDataProtectionKeyContext
{
    protected DhrDbContext(DbContextOptions options, DataScope scope, TimeProvider clock)
        : base(options)
    {
        Scope = scope;
        Clock = clock;
        ScopePartnershipId = scope.PartnershipId;
        ScopeAllPartnerships = scope.AllPartnerships;
    }

    public DataScope Scope { get; }
    private TimeProvider Clock { get; }

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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        RefuseAuditRewrites();
        if (!ScopeAllPartnerships)
        {
            RefuseForeignWrites();
        }

        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        var pending = WriteAuditTrail ? CaptureAudit() : [];
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = Clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(now, Scope)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

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

    private List<PendingAudit> CaptureAudit()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            // Snapshots are themselves a frozen record; the closure that makes them is audited.
            // Data-protection keys are secrets, not anyone's edit: they must never be copied into the trail.
            if (entry.Entity is AuditEntry or ActionSnapshot or DataProtectionKey || entry.State is EntityState.Detached or EntityState.Unchanged)
            {
                continue;
            }

            var kind = entry.State switch
            {
                EntityState.Added => AuditKind.Added,
                EntityState.Deleted => AuditKind.Deleted,
                _ => AuditKind.Modified,
            };

            var changes = entry.Properties
                .Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(IVersioned.Version))
                .Where(p => kind != AuditKind.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .Select(p => new PropertyChange(
                    p.Metadata.Name,
                    kind == AuditKind.Added ? null : Format(p.OriginalValue),
                    kind == AuditKind.Deleted ? null : Format(p.CurrentValue)))
                .ToList();

            if (kind == AuditKind.Modified && changes.Count == 0)
            {
                continue;
            }

            list.Add(new PendingAudit(entry, kind, changes, this));
        }

        return list;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record PropertyChange(string Property, string? Before, string? After);

    private sealed record PendingAudit(EntityEntry Entry, AuditKind Kind, List<PropertyChange> Changes, DhrDbContext Context)
    {
        public AuditEntry ToEntry(DateTime nowUtc, DataScope scope)
        {
            var entityId = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue));
            var (partnershipId, reviewId) = Context.Locate(Entry);
            return new AuditEntry(
                partnershipId ?? scope.PartnershipId,
                nowUtc,
                scope.UserId,
                scope.UserName,
                Entry.Metadata.ClrType.Name,
                entityId,
                reviewId,
                Kind,
                JsonSerializer.Serialize(Changes));
        }
    }

    /// <summary>Finds the partnership and review an entity belongs to, through its parent when it has none itself.</summary>
    private (int? PartnershipId, int? ReviewId) Locate(EntityEntry entry)
    {
        int? Read(EntityEntry e, string name) =>
            e.Metadata.FindProperty(name) is not null ? e.Property(name).CurrentValue as int? ?? (e.Property(name).OriginalValue as int?) : null;

        var partnershipId = entry.Entity is IPartnershipScoped scoped ? scoped.PartnershipId : (int?)null;
        var reviewId = entry.Entity is Review r ? r.Id : Read(entry, "ReviewId");
        if (reviewId is null && Read(entry, "ActionItemId") is { } actionId)
        {
            var action = ChangeTracker.Entries<ActionItem>().FirstOrDefault(a => a.Entity.Id == actionId)?.Entity;
            reviewId = action?.ReviewId;
            partnershipId ??= action?.PartnershipId;
        }

        if (reviewId is { } id && partnershipId is null)
        {
            partnershipId = ChangeTracker.Entries<Review>().FirstOrDefault(e => e.Entity.Id == id)?.Entity.PartnershipId;
        }

        if (partnershipId is null && Read(entry, "RecommendationId") is { } recId)
        {
            var rec = ChangeTracker.Entries<Recommendation>().FirstOrDefault(e => e.Entity.Id == recId)?.Entity;
            partnershipId = rec?.PartnershipId;
            reviewId ??= rec?.ReviewId;
        }

        if (partnershipId is null && Read(entry, "QuarterClosureId") is { } qcId)
        {
            partnershipId = ChangeTracker.Entries<QuarterClosure>().FirstOrDefault(e => e.Entity.Id == qcId)?.Entity.PartnershipId;
        }

        if (entry.Entity is Partnership p)
        {
            partnershipId = p.Id;
        }

        return (partnershipId, reviewId);
    }
}
