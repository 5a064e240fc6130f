using System.Globalization;
using System.Text;
using System.Text.Json;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DhrTracker.Infrastructure.Data.Interceptors;

/// <summary>
/// Writes the audit trail: one row per entity a save adds, changes or removes, with who, when and each value before
/// and after, in the same transaction as the save (<see cref="DhrDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// always saves inside one). Values are taken before the save for what is changed or removed, and after it for what is
/// added, so that an entity added with its parent records the parent's real key, not EF's temporary one.
/// The rows go in with plain INSERTs on the save's own connection and transaction, never through a second
/// <c>SaveChanges</c>: a save retried by the execution strategy must not find half of itself already accepted.
/// </summary>
public sealed class AuditTrailInterceptor(IClock clock) : SaveChangesInterceptor
{
    // Nine values a row: 100 rows stay well inside SQL Server's 2,100 parameters a command.
    private const int RowsPerStatement = 100;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DhrDbContext db)
        {
            db.PendingAuditState = db.WriteAuditTrail ? Capture(db) : null;
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new NotSupportedException("Use SaveChangesAsync: it writes the audit trail in the same transaction.");

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DhrDbContext { PendingAuditState: List<PendingAudit> { Count: > 0 } pending } db)
        {
            db.PendingAuditState = null;
            if (db.Database.CurrentTransaction is null)
            {
                throw new InvalidOperationException("The audit trail must be written in the save's own transaction.");
            }

            var now = clock.UtcNow;
            await InsertAsync(db, pending.Select(p => p.ToEntry(db, now)).ToList(), cancellationToken);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DhrDbContext db)
        {
            db.PendingAuditState = null;
        }

        return Task.CompletedTask;
    }

    private static List<PendingAudit> Capture(DhrDbContext db)
    {
        var list = new List<PendingAudit>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            // Snapshots are themselves a frozen record (the closure that makes them is audited); data-protection keys
            // are secrets, not anyone's edit: they must never be copied into the trail.
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

            var pending = new PendingAudit(entry, kind);
            if (kind != AuditKind.Added)
            {
                // Removed or changed rows already have their real keys: read everything now, while the originals exist.
                pending.Before = Audited(entry)
                    .Where(p => kind == AuditKind.Deleted || p.Entry.IsModified && !Equals(p.Entry.OriginalValue, p.Entry.CurrentValue))
                    .ToDictionary(p => p.Name, p => Format(p.Entry.OriginalValue));
                if (kind == AuditKind.Modified && pending.Before.Count == 0)
                {
                    continue;
                }

                pending.EntityId = KeyOf(entry);
                pending.Location = Locate(db, entry);
            }

            list.Add(pending);
        }

        return list;
    }

    /// <summary>
    /// Every value of the entity, including those of its complex properties (a partnership's settings), which EF does
    /// not list among <see cref="EntityEntry.Properties"/>: they are named "Settings.StaleUpdateDays".
    /// </summary>
    private static IEnumerable<(string Name, PropertyEntry Entry)> Audited(EntityEntry entry)
    {
        static IEnumerable<(string, PropertyEntry)> Complex(string prefix, ComplexPropertyEntry complex) =>
            complex.Properties.Select(p => (prefix + complex.Metadata.Name + "." + p.Metadata.Name, p))
                .Concat(complex.ComplexProperties.SelectMany(c => Complex(prefix + complex.Metadata.Name + ".", c)));

        return entry.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(IVersioned.Version))
            .Select(p => (p.Metadata.Name, p))
            .Concat(entry.ComplexProperties.SelectMany(c => Complex(string.Empty, c)));
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record PropertyChange(string Property, string? Before, string? After);

    private sealed class PendingAudit(EntityEntry entry, AuditKind kind)
    {
        public Dictionary<string, string?> Before { get; set; } = [];
        public string? EntityId { get; set; }
        public (int? PartnershipId, int? ReviewId)? Location { get; set; }

        public AuditEntry ToEntry(DhrDbContext db, DateTime nowUtc)
        {
            List<PropertyChange> changes = kind switch
            {
                AuditKind.Added => Audited(entry).Select(p => new PropertyChange(p.Name, null, Format(p.Entry.CurrentValue))).ToList(),
                AuditKind.Deleted => Before.Select(b => new PropertyChange(b.Key, b.Value, null)).ToList(),
                // Read after the save: a key that pointed at something added in the same save is real only now.
                _ => Audited(entry).Where(p => Before.ContainsKey(p.Name)).Select(p => new PropertyChange(p.Name, Before[p.Name], Format(p.Entry.CurrentValue))).ToList(),
            };
            var (partnershipId, reviewId) = Location ?? Locate(db, entry);
            return new AuditEntry(
                partnershipId ?? db.Scope.PartnershipId,
                nowUtc,
                db.Scope.UserId,
                db.Scope.UserName,
                entry.Metadata.ClrType.Name,
                EntityId ?? KeyOf(entry),
                reviewId,
                kind,
                JsonSerializer.Serialize(changes));
        }
    }

    /// <summary>
    /// Finds the partnership and review an entity belongs to, through its parent when it has none itself. Keys are read
    /// through the change tracker, not the entities: until the save's transaction commits, a key the database has just
    /// generated is known to the tracker but not yet written back to the entity.
    /// </summary>
    private static (int? PartnershipId, int? ReviewId) Locate(DhrDbContext db, EntityEntry entry)
    {
        static int? Read(EntityEntry e, string name) =>
            e.Metadata.FindProperty(name) is not null ? e.Property(name).CurrentValue as int? ?? e.Property(name).OriginalValue as int? : null;

        EntityEntry? Parent<T>(int id)
            where T : class =>
            db.ChangeTracker.Entries<T>().FirstOrDefault(e => Read(e, "Id") == id);

        var partnershipId = entry.Entity is IPartnershipScoped or Domain.Partnerships.Partnership ? Read(entry, entry.Entity is Domain.Partnerships.Partnership ? "Id" : "PartnershipId") : null;
        var reviewId = Read(entry, entry.Entity is Review ? "Id" : "ReviewId");
        if (reviewId is null && Read(entry, "ActionItemId") is { } actionId && Parent<ActionItem>(actionId) is { } action)
        {
            reviewId = Read(action, "ReviewId");
            partnershipId ??= Read(action, "PartnershipId");
        }

        if (reviewId is { } id && partnershipId is null && Parent<Review>(id) is { } review)
        {
            partnershipId = Read(review, "PartnershipId");
        }

        if (partnershipId is null && Read(entry, "RecommendationId") is { } recId && Parent<Recommendation>(recId) is { } rec)
        {
            partnershipId = Read(rec, "PartnershipId");
            reviewId ??= Read(rec, "ReviewId");
        }

        if (partnershipId is null && Read(entry, "QuarterClosureId") is { } qcId && Parent<QuarterClosure>(qcId) is { } closure)
        {
            partnershipId = Read(closure, "PartnershipId");
        }

        return (partnershipId, reviewId);
    }

    private static async Task InsertAsync(DhrDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = entity.GetTableName()!;
        var storeObject = StoreObjectIdentifier.Table(table, entity.GetSchema());
        string[] properties =
        [
            nameof(AuditEntry.PartnershipId), nameof(AuditEntry.OccurredAtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName),
            nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.ReviewId), nameof(AuditEntry.Kind), nameof(AuditEntry.Changes),
        ];
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(storeObject)!)))}) VALUES ";
        // Parameters typed by the model's own mappings, so that each provider binds a value (and a null) exactly as EF would.
        var mappings = properties.Select(p => entity.FindProperty(p)!.GetRelationalTypeMapping()).ToArray();
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            var text = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * properties.Length);
            foreach (var e in chunk)
            {
                if (parameters.Count > 0)
                {
                    text.Append(", ");
                }

                text.Append('(').AppendJoin(", ", Enumerable.Range(parameters.Count, properties.Length).Select(i => $"{{{i}}}")).Append(')');
                object?[] values = [e.PartnershipId, e.OccurredAtUtc, e.UserId, e.UserName, e.EntityType, e.EntityId, e.ReviewId, e.Kind, e.Changes];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters.Add(mappings[i].CreateParameter(factory, $"a{parameters.Count}", values[i], nullable: true));
                }
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }
}
