using System.Globalization;
using System.Text;
using DhrTracker.Domain.Agencies;

namespace DhrTracker.Infrastructure.Import;

/// <summary>One of the partnership's agencies, as the matcher needs it.</summary>
public sealed record AgencyCandidate(int Id, string Name, AgencyKind Kind);

/// <summary>How a name written in a plan matched the partnership's agencies: the agency, or none.</summary>
public sealed record AgencyMatch(string Written, int? AgencyId, string? AgencyName, string? How)
{
    public bool IsMatched => AgencyId is not null;

    public static AgencyMatch Unmatched(string written) => new(written, null, null, null);
}

/// <summary>
/// Matches agency names as plans write them to the partnership's agencies. Names are compared after
/// normalising case, punctuation, "&amp;"/"and", and the usual abbreviations and renamings ("CCG" and "ICB" are
/// the same body since 2022; "Police" is the constabulary; "MH" is mental health; "FT" a foundation trust). A
/// name matches when exactly one agency has every word of it (allowing a typing slip in longer words), when it
/// is that agency's initials, or when it names a kind of agency the partnership has one of ("Housing").
/// Anything ambiguous is left unmatched for the co-ordinator to decide: a wrong guess would put an action on
/// another agency's list.
/// </summary>
public sealed class AgencyMatcher
{
    private static readonly HashSet<string> StopWords = ["the", "of", "and", "for", "in", "a", "an", "to", "lead", "local"];

    /// <summary>Abbreviations and old names, each replaced by the words the partnership's list uses.</summary>
    private static readonly (string[] From, string[] To)[] Synonyms =
    [
        (["clinical", "commissioning", "group"], ["icb"]),
        (["clinical", "commissioning", "groups"], ["icb"]),
        (["integrated", "care", "board"], ["icb"]),
        (["integrated", "care", "system"], ["icb"]),
        (["ccg"], ["icb"]),
        (["ccgs"], ["icb"]),
        (["ics"], ["icb"]),
        (["constabulary"], ["police"]),
        (["police", "force"], ["police"]),
        (["police", "service"], ["police"]),
        (["domestic", "violence"], ["domestic", "abuse"]),
        (["dv"], ["domestic", "abuse"]),
        (["da"], ["domestic", "abuse"]),
        (["mh"], ["mental", "health"]),
        (["ft"], ["foundation", "trust"]),
        (["nhsft"], ["nhs", "foundation", "trust"]),
        (["cc"], ["county", "council"]),
        (["bc"], ["borough", "council"]),
        (["dc"], ["district", "council"]),
        (["nhse"], ["nhs", "england"]),
        (["national", "probation", "service"], ["probation"]),
        (["probation", "service"], ["probation"]),
        (["nps"], ["probation"]),
        (["crc"], ["probation"]),
        (["ambulance", "service"], ["ambulance"]),
        (["ambulance", "trust"], ["ambulance"]),
        (["dhsc"], ["department", "health", "social", "care"]),
        (["doh"], ["department", "health"]),
        (["moj"], ["ministry", "justice"]),
        (["ho"], ["home", "office"]),
        (["gp"], ["gp"]),
        (["gps"], ["gp"]),
        (["general", "practice"], ["gp"]),
        (["womens"], ["women"]),
    ];

    /// <summary>Words that name a kind of agency, for "Housing", "Probation", "the mental health trust".</summary>
    private static readonly (string[] Words, AgencyKind Kind)[] KindWords =
    [
        (["police"], AgencyKind.Police),
        (["icb"], AgencyKind.IntegratedCareBoard),
        (["probation"], AgencyKind.Probation),
        (["ambulance"], AgencyKind.AmbulanceService),
        (["housing"], AgencyKind.Housing),
        (["housing", "provider"], AgencyKind.Housing),
        (["mental", "health"], AgencyKind.MentalHealthTrust),
        (["mental", "health", "trust"], AgencyKind.MentalHealthTrust),
        (["mental", "health", "foundation", "trust"], AgencyKind.MentalHealthTrust),
        (["hospital"], AgencyKind.AcuteHospitalTrust),
        (["acute", "trust"], AgencyKind.AcuteHospitalTrust),
        (["acute", "hospital", "trust"], AgencyKind.AcuteHospitalTrust),
        (["county", "council"], AgencyKind.CountyCouncil),
        (["domestic", "abuse", "service"], AgencyKind.SpecialistDomesticAbuseService),
        (["specialist", "domestic", "abuse", "service"], AgencyKind.SpecialistDomesticAbuseService),
        (["idva", "service"], AgencyKind.SpecialistDomesticAbuseService),
    ];

    private readonly List<Entry> _entries;

    public AgencyMatcher(IEnumerable<AgencyCandidate> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        _entries = agencies.Select(a => new Entry(a, Normalise(a.Name), Words(a.Name), Words(a.Name).Concat(Words(a.Name, replace: false)).ToHashSet(), Initials(a.Name))).ToList();
    }

    public IReadOnlyList<AgencyCandidate> Agencies => _entries.Select(e => e.Agency).ToList();

    public AgencyMatch Match(string? written)
    {
        var text = (written ?? string.Empty).Trim();
        var words = Words(text);
        if (words.Count == 0)
        {
            return AgencyMatch.Unmatched(text);
        }

        var normal = Normalise(text);
        if (Single(_entries.Where(e => e.Normal == normal)) is { } exact)
        {
            return Matched(text, exact, "same name");
        }

        var containing = _entries.Where(e => words.All(w => e.AllWords.Contains(w))).ToList();
        if (Best(containing, words) is { } same)
        {
            return Matched(text, same, "same words");
        }

        if (containing.Count > 1)
        {
            return AgencyMatch.Unmatched(text);
        }

        var initials = words.Count == 1 && words[0].Length >= 3 ? words[0] : null;
        if (initials is not null && Single(_entries.Where(e => e.Initials.Length >= initials.Length && e.Initials.StartsWith(initials, StringComparison.Ordinal))) is { } abbreviated)
        {
            return Matched(text, abbreviated, "initials");
        }

        var kinds = KindWords.Where(k => k.Words.Length == words.Count && k.Words.All(words.Contains)).Select(k => k.Kind).Distinct().ToList();
        if (kinds.Count == 1 && Single(_entries.Where(e => e.Agency.Kind == kinds[0])) is { } byKind)
        {
            return Matched(text, byKind, "kind of agency");
        }

        var close = _entries.Where(e => words.All(w => e.AllWords.Any(a => Close(w, a)))).ToList();
        if (Best(close, words) is { } spelt)
        {
            return Matched(text, spelt, "close spelling");
        }

        return AgencyMatch.Unmatched(text);
    }

    private static Entry? Best(List<Entry> candidates, IReadOnlyList<string> words)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        // Several agencies contain every word: one whose words are exactly these is still a clear answer.
        return Single(candidates.Where(e => e.Words.Count == words.Count));
    }

    private static Entry? Single(IEnumerable<Entry> entries)
    {
        Entry? found = null;
        foreach (var e in entries)
        {
            if (found is not null)
            {
                return null;
            }

            found = e;
        }

        return found;
    }

    private static AgencyMatch Matched(string written, Entry entry, string how) => new(written, entry.Agency.Id, entry.Agency.Name, how);

    /// <summary>A slip of one letter in a word of five or more letters, two in a word of nine or more.</summary>
    private static bool Close(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var shorter = Math.Min(a.Length, b.Length);
        var allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
        return allowed > 0 && Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The name as comparable text: lower case, "&amp;" as "and", punctuation as spaces, single spaces.</summary>
    public static string Normalise(string? name)
    {
        var sb = new StringBuilder();
        foreach (var c in (name ?? string.Empty).Normalize(NormalizationForm.FormKC))
        {
            if (c == '&')
            {
                sb.Append(" and ");
            }
            else if (c is '\'' or '’' or '‘')
            {
                // "Women's Aid" and "Womens Aid" are the same name.
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(' ');
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The significant words of a name, with abbreviations and old names replaced (unless <paramref name="replace"/> is false).</summary>
    private static List<string> Words(string name, bool replace = true)
    {
        var raw = Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!replace)
        {
            return raw.Where(w => !StopWords.Contains(w)).Distinct().ToList();
        }

        var replaced = new List<string>();
        for (var i = 0; i < raw.Count;)
        {
            var synonym = Synonyms.FirstOrDefault(s => i + s.From.Length <= raw.Count && s.From.Select((w, k) => raw[i + k] == w).All(x => x));
            if (synonym.From is not null)
            {
                replaced.AddRange(synonym.To);
                i += synonym.From.Length;
            }
            else
            {
                replaced.Add(raw[i]);
                i++;
            }
        }

        return replaced.Where(w => !StopWords.Contains(w)).Distinct().ToList();
    }

    /// <summary>"Haven Domestic Abuse Service" → "hdas".</summary>
    private static string Initials(string name) =>
        string.Concat(Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w) && char.IsLetter(w[0]))
            .Select(w => w[0].ToString(CultureInfo.InvariantCulture)));

    /// <summary>An agency with its words as compared (<see cref="Words"/>) and as written too (<see cref="AllWords"/>, for spelling slips).</summary>
    private sealed record Entry(AgencyCandidate Agency, string Normal, List<string> Words, HashSet<string> AllWords, string Initials);
}
