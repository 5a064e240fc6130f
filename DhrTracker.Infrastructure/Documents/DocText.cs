using System.Globalization;
using System.Text;

namespace DhrTracker.Infrastructure.Documents;

/// <summary>
/// Text as the documents write it: cleaned of characters XML cannot hold (so a hostile string cannot corrupt
/// the file), dates in the long British form ("22 November 2026"), never culture-dependent.
/// </summary>
public static class DocText
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string ProtectiveMarking = "OFFICIAL-SENSITIVE";

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"22 November 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>The date, or <paramref name="missing"/> when there is none.</summary>
    public static string Date(DateOnly? date, string missing = "—") => date is { } d ? Date(d) : missing;

    public static string Number(int n) => n.ToString(English);

    public static string Plural(int n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";

    /// <summary>
    /// Removes what XML 1.0 cannot hold (control characters other than tab and newline, lone surrogates,
    /// U+FFFE/U+FFFF) and turns every line ending into "\n". Markup is left as it is: it is written as text.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\t' or '\n')
            {
                sb.Append(c);
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
            }
            else if (c < 0x20 || char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= 0x7F && c <= 0x9F))
            {
                // dropped: invalid in XML, or an invisible C1 control that only a hostile string would carry
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A single line: newlines and tabs become spaces (for headings, headers, file names).</summary>
    public static string OneLine(string? text)
    {
        var cleaned = Clean(text).Replace('\n', ' ').Replace('\t', ' ');
        return string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A file name Windows, macOS and Linux all accept, ending ".docx".</summary>
    public static string FileName(string title)
    {
        var invalid = new HashSet<char>("<>:\"/\\|?*");
        var sb = new StringBuilder();
        foreach (var c in OneLine(title))
        {
            sb.Append(invalid.Contains(c) ? '-' : c);
        }

        var name = sb.ToString().Trim().TrimEnd('.');
        if (name.Length > 120)
        {
            name = name[..120].TrimEnd();
        }

        return (name.Length == 0 ? "document" : name) + ".docx";
    }
}
