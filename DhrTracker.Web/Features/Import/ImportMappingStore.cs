using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DhrTracker.Infrastructure.Import;

namespace DhrTracker.Web.Features.Import;

/// <summary>Remembers, per partnership, the last column mapping used to read an Excel action plan.</summary>
public interface IImportMappingStore
{
    Task<ColumnMapping?> GetAsync(int partnershipId, CancellationToken cancellationToken);

    Task SaveAsync(int partnershipId, ColumnMapping mapping, CancellationToken cancellationToken);
}

/// <summary>
/// One small JSON file per partnership, <c>{folder}/{partnershipId}.json</c>, on the server (see
/// docs/decisions/0007-import-mappings-on-disk.md). The folder is <c>Import:MappingFolder</c> when set, otherwise
/// <c>App_Data/import-mappings</c> under the content root. A file that cannot be read is treated as no mapping:
/// remembering is a convenience, never a reason to fail an import.
/// </summary>
public sealed class FileImportMappingStore(string folder) : IImportMappingStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    public string Folder { get; } = folder;

    public static FileImportMappingStore Create(IServiceProvider services)
    {
        var configured = services.GetService<IConfiguration>()?["Import:MappingFolder"];
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return new FileImportMappingStore(string.IsNullOrWhiteSpace(configured) ? Path.Combine(root, "App_Data", "import-mappings") : configured);
    }

    public async Task<ColumnMapping?> GetAsync(int partnershipId, CancellationToken cancellationToken)
    {
        var path = PathFor(partnershipId);
        var gate = _locks.GetOrAdd(partnershipId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<ColumnMapping>(stream, Json, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task SaveAsync(int partnershipId, ColumnMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var path = PathFor(partnershipId);
        var gate = _locks.GetOrAdd(partnershipId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await JsonSerializer.SerializeAsync(stream, mapping, Json, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    private string PathFor(int partnershipId) =>
        Path.Combine(Folder, partnershipId.ToString(CultureInfo.InvariantCulture) + ".json");
}
