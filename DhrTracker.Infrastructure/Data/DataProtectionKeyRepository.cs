using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DhrTracker.Infrastructure.Data;

/// <summary>
/// The ASP.NET Core data-protection key ring (which signs and encrypts the sign-in cookie and antiforgery
/// tokens) kept in the app's own database, table <c>DataProtectionKeys</c>, so that every instance behind a load
/// balancer reads and writes the same keys.
/// </summary>
/// <remarks>
/// This is what <c>PersistKeysToDbContext&lt;TContext&gt;()</c> from Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
/// does, written over <see cref="DhrDbContextFactory"/> instead, for two reasons: the context is made by the factory
/// for the configured provider (it is deliberately not registered in DI, where anything could take one with
/// <see cref="DataScope.System"/>), and <see cref="DhrDbContext"/> refuses the synchronous <c>SaveChanges</c>
/// that the package's repository calls. Keys are read and written with <see cref="DataScope.System"/>: they belong
/// to the installation, not to a partnership, and are never copied into the audit trail.
/// </remarks>
public sealed partial class DataProtectionKeyRepository(DhrDbContextFactory factory, ILogger<DataProtectionKeyRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous; the key manager calls it rarely (start-up, then about once a day).
        using var db = factory.Create(DataScope.System);
        return db.DataProtectionKeys
            .AsNoTracking()
            .OrderBy(k => k.Id)
            .Select(k => k.Xml)
            .ToList()
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList()
            .AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        LogStoring(friendlyName);
        using var db = factory.Create(DataScope.System);
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });

        // DhrDbContext has only the asynchronous save (it writes the audit trail); a key is not audited, so this
        // is one plain INSERT. There is no synchronisation context in ASP.NET Core to deadlock on.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Saving data-protection key {FriendlyName} to the database.")]
    private partial void LogStoring(string friendlyName);
}

public static class DataProtectionKeyStorage
{
    /// <summary>
    /// Keeps the key ring in the app's database (see <see cref="DataProtectionKeyRepository"/>). Needs a
    /// <see cref="DhrDbContextFactory"/> registered as a singleton.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToDhrDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<DataProtectionKeyRepository>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = services.GetRequiredService<DataProtectionKeyRepository>()));
        return builder;
    }
}
