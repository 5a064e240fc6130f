using System.IO.Compression;
using System.Text;

namespace DhrTracker.Infrastructure.Import;

/// <summary>
/// The checks every uploaded plan passes before it is opened: a .docx or .xlsx, not empty, not too large, not
/// password-protected, a real Office Open XML package of the kind its name says, and not a "zip bomb".
/// </summary>
public static class PlanFile
{
    /// <summary>The largest file accepted. Real action plans are well under 1 MB; 10 MB leaves room for embedded images.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most the package may hold once unpacked: a small file that unpacks to gigabytes is refused.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public const string WordExtension = ".docx";
    public const string ExcelExtension = ".xlsx";

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>"10 MB", for messages and the upload form.</summary>
    public static string MaxSizeText => $"{MaxBytes / (1024 * 1024)} MB";

    /// <summary>Whether a file of this name is a Word document or a workbook; anything else is refused.</summary>
    public static ImportSource KindOf(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            WordExtension => ImportSource.Word,
            ExcelExtension => ImportSource.Excel,
            ".doc" => throw new ImportException("This is an older Word document (.doc). Open it in Word and save it as a Word document (.docx), then upload that."),
            ".xls" => throw new ImportException("This is an older Excel workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx), then upload that."),
            ".docm" or ".xlsm" => throw new ImportException("Files with macros (.docm, .xlsm) are not accepted. Save a copy as .docx or .xlsx and upload that."),
            _ => throw new ImportException($"\"{Path.GetFileName(fileName)}\" is not a Word document (.docx) or an Excel workbook (.xlsx). Upload the action plan as one of those."),
        };
    }

    /// <summary>Refuses the file, with a message for the person, unless it can be opened as the kind its name says.</summary>
    public static void Check(byte[] content, string fileName, ImportSource expected)
    {
        ArgumentNullException.ThrowIfNull(content);
        var what = expected == ImportSource.Word ? "Word document" : "Excel workbook";
        if (content.Length == 0)
        {
            throw new ImportException("The file is empty. Check that you chose the right file.");
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportException($"The file is {content.Length / (1024.0 * 1024.0):0.0} MB; the largest plan that can be imported is {MaxSizeText}. Remove images or other large content from it, or split it, and upload it again.");
        }

        if (StartsWith(content, CompoundFileSignature))
        {
            // Encrypted Office Open XML files are wrapped in an OLE compound file holding an "EncryptedPackage" stream.
            throw IsEncrypted(content)
                ? new ImportException($"This {what} is password-protected, so it cannot be read. Open it, remove the password (File › Info › Protect), save it and upload it again.")
                : new ImportException($"This is an older {(expected == ImportSource.Word ? "Word (.doc)" : "Excel (.xls)")} file renamed. Open it and save it as {(expected == ImportSource.Word ? "a Word document (.docx)" : "an Excel workbook (.xlsx)")}, then upload that.");
        }

        if (!StartsWith(content, ZipSignature))
        {
            throw new ImportException($"This file is not a {what}, although its name ends {Path.GetExtension(fileName)}. It may have been renamed: open it in {(expected == ImportSource.Word ? "Word" : "Excel")}, save it as {(expected == ImportSource.Word ? ".docx" : ".xlsx")} and upload it again.");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long unpacked = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                names.Add(entry.FullName);
            }

            if (unpacked > MaxUnpackedBytes)
            {
                throw new ImportException($"This file unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB, far more than an action plan needs, so it was not opened.");
            }

            var isWord = names.Contains("word/document.xml") || names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase));
            var isExcel = names.Contains("xl/workbook.xml") || names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase));
            if (!names.Contains("[Content_Types].xml") || (!isWord && !isExcel))
            {
                throw new ImportException($"This file is not a {what}: it is some other kind of zip file. Upload the action plan as .docx or .xlsx.");
            }

            if (expected == ImportSource.Word && !isWord)
            {
                throw new ImportException("This file is an Excel workbook with a name ending .docx. Rename it to end .xlsx and upload it again.");
            }

            if (expected == ImportSource.Excel && !isExcel)
            {
                throw new ImportException("This file is a Word document with a name ending .xlsx. Rename it to end .docx and upload it again.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(what, ex);
        }
    }

    /// <summary>The message for a file that passed the first checks but could not be read.</summary>
    public static ImportException Corrupt(string what, Exception inner) =>
        new($"This {what} is damaged and could not be read. Open it in {(what.StartsWith("Word", StringComparison.Ordinal) ? "Word" : "Excel")} (which may offer to repair it), save it, and upload it again.", inner);

    private static bool StartsWith(byte[] content, byte[] signature) =>
        content.Length >= signature.Length && content.AsSpan(0, signature.Length).SequenceEqual(signature);

    private static bool IsEncrypted(byte[] content)
    {
        var marker = Encoding.Unicode.GetBytes("EncryptedPackage");
        return content.AsSpan().IndexOf(marker) >= 0 || content.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;
    }
}
