using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.DataGenerator;

/// <summary>The rows generated per table, a checksum of every value written, and what the benchmarks look for.</summary>
public sealed record GeneratorResult(IReadOnlyDictionary<string, long> Counts, string Checksum, GeneratorManifest Manifest, TimeSpan Elapsed);

public sealed record UserRef(int Id, string Email, string Name, Role Role, int PartnershipId, int? AgencyId = null);

/// <summary>Names the things the benchmarks and load tests need to find in the generated data.</summary>
public sealed record GeneratorManifest
{
    public int Seed { get; init; }
    public double Scale { get; init; }
    public DateOnly Today { get; init; }
    public string Checksum { get; init; } = string.Empty;
    public Dictionary<string, long> Counts { get; init; } = [];

    /// <summary>The largest partnership: exactly 40 reviews at full scale, and 40 closed quarters.</summary>
    public int PartnershipId { get; init; }
    public string PartnershipName { get; init; } = string.Empty;
    public int PartnershipReviews { get; init; }
    public int PartnershipActions { get; init; }

    /// <summary>A published review of that partnership with 31 recommendations.</summary>
    public int Review31Id { get; init; }
    public string Review31Reference { get; init; } = string.Empty;
    public int Review31Actions { get; init; }

    public UserRef Coordinator { get; init; } = null!;
    public UserRef Chair { get; init; } = null!;
    public UserRef LeadOfficer { get; init; } = null!;
    public int LeadOfficerActions { get; init; }

    /// <summary>The partnership's latest closed quarter (the one the close-quarter benchmark closes again).</summary>
    public int LatestClosureId { get; init; }
    public int LatestClosureStartYear { get; init; }
    public int LatestClosureQuarter { get; init; }
    public int LatestClosureSnapshots { get; init; }

    public List<int> PartnershipsWithQuarterHistory { get; init; } = [];
    public List<UserRef> DemoUsers { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GeneratorManifest FromJson(string json) => JsonSerializer.Deserialize<GeneratorManifest>(json, Json)!;
}

/// <summary>
/// Generates national-size, pseudonymous data into a database migrated by the app's own
/// <see cref="DatabaseInitializer"/>, deterministic for a seed: every random choice comes from
/// <c>new Random(seed)</c> (or one seeded from it per partnership) and every date from <c>--today</c>.
/// </summary>
public static class NationalDataGenerator
{
    public static async Task<GeneratorResult?> RunAsync(GeneratorOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(options.Connection).DataSource;
            // On a fresh clone artifacts/ does not exist yet: SQLite will not create a folder, and File.Delete
            // throws DirectoryNotFoundException for a path whose folder is missing.
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            if (options.Replace)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }

        var factory = new DhrDbContextFactory(options.Provider, options.Connection, DhrTracker.Infrastructure.Time.UkClock.System);
        await DatabaseInitializer.PrepareAsync(factory, migrateSqlServer: true, cancellationToken);
        await using (var db = factory.Create(DataScope.System))
        {
            if (await db.Partnerships.IgnoreQueryFilters().AnyAsync(cancellationToken))
            {
                throw new GeneratorException(options.Provider == DatabaseProvider.Sqlite
                    ? "The database already has data. Run with --replace to start again from an empty file."
                    : "The database already has data. Point --connection at an empty database.");
            }
        }

        SqliteConnection.ClearAllPools();
        log.WriteLine($"Generating with seed {options.Seed}, scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, today {options.Today:yyyy-MM-dd} into {options.Provider}…");

        var tables = new Tables();
        await using IRowSink sink = options.Provider == DatabaseProvider.Sqlite ? new SqliteSink(options.Connection) : new SqlServerSink(options.Connection);
        await sink.OpenAsync(tables.InOrder, cancellationToken);
        var generation = new Generation(options, tables, sink);
        var manifest = await generation.RunAsync(log, cancellationToken);
        log.WriteLine("Re-creating indexes…");
        await sink.CompleteAsync(cancellationToken);
        clock.Stop();

        var counts = tables.InOrder.ToDictionary(t => t.Name, t => t.Rows);
        manifest = manifest with { Counts = counts, Checksum = generation.Checksum };
        var manifestPath = options.ManifestPath
            ?? (options.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(options.Connection).DataSource + ".manifest.json" : null);
        if (manifestPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!);
            await File.WriteAllTextAsync(manifestPath, manifest.ToJson(), cancellationToken);
        }

        foreach (var table in tables.InOrder)
        {
            log.WriteLine($"  {table.Name,-26}{table.Rows,12:N0}");
        }

        log.WriteLine($"  {"total",-26}{counts.Values.Sum(),12:N0}");
        log.WriteLine($"Checksum {generation.Checksum}; {clock.Elapsed.TotalSeconds:N1} s.");
        log.WriteLine($"Benchmark partnership: #{manifest.PartnershipId} {manifest.PartnershipName} ({manifest.PartnershipReviews} reviews, {manifest.PartnershipActions:N0} actions).");
        log.WriteLine($"Review with 31 recommendations: #{manifest.Review31Id} {manifest.Review31Reference} ({manifest.Review31Actions} actions).");
        log.WriteLine($"Co-ordinator {manifest.Coordinator.Email}; lead officer {manifest.LeadOfficer.Email} ({manifest.LeadOfficerActions} actions); latest closed quarter #{manifest.LatestClosureId} Q{manifest.LatestClosureQuarter} {manifest.LatestClosureStartYear}.");
        log.WriteLine($"Demo sign-in users: {string.Join(", ", manifest.DemoUsers.Select(u => u.Email))}.");
        if (manifestPath is not null)
        {
            log.WriteLine($"Manifest: {Path.GetFullPath(manifestPath)}");
        }

        return new GeneratorResult(counts, generation.Checksum, manifest, clock.Elapsed);
    }
}

/// <summary>Volumes at scale 1.0, as the issue asks.</summary>
internal sealed record Volumes(int Partnerships, int Reviews, int Recommendations, int Actions, int Milestones, int Updates, int WithQuarterHistory, int Quarters)
{
    public static Volumes For(double scale)
    {
        int S(int full, int min) => Math.Max(min, (int)Math.Round(full * scale));
        var partnerships = S(300, 3);
        var reviews = S(5_000, partnerships * 3 + 40);
        var recommendations = S(100_000, reviews);
        var actions = S(200_000, recommendations);
        return new Volumes(partnerships, reviews, recommendations, actions, S(600_000, 0), S(1_000_000, 0), S(10, 1), 40);
    }
}

internal sealed class Generation(GeneratorOptions options, Tables t, IRowSink sink)
{
    private static readonly ReviewStage[] StageCycle =
    [
        ReviewStage.AwaitingDecision, ReviewStage.NotCommissioned, ReviewStage.ChairToBeAppointed, ReviewStage.PanelAndTerms,
        ReviewStage.UnderReview, ReviewStage.OverviewReport, ReviewStage.QualityAssurance, ReviewStage.Publication, ReviewStage.Closed,
    ];

    private static readonly (ReviewStage Stage, int Weight)[] StageWeights =
    [
        (ReviewStage.AwaitingDecision, 3), (ReviewStage.NotCommissioned, 7), (ReviewStage.ChairToBeAppointed, 2), (ReviewStage.PanelAndTerms, 2),
        (ReviewStage.UnderReview, 6), (ReviewStage.OverviewReport, 5), (ReviewStage.QualityAssurance, 4), (ReviewStage.Publication, 3),
        (ReviewStage.ActionPlanDelivery, 45), (ReviewStage.Closed, 23),
    ];

    private static readonly DateOnly EarliestNotification = new(2012, 1, 9);
    private static readonly PartnershipSettings Settings = PartnershipSettings.Defaults();

    private readonly DateOnly _today = options.Today;
    private ulong _hash = 14695981039346656037UL;

    // Ids, one sequence per table, so rows refer to each other without reading anything back.
    private int _agencyId, _themeId, _userId, _reviewId, _decisionId, _panelId, _reportId, _familyId, _pauseId, _qaId, _stageId;
    private int _recId, _actionId, _milestoneId, _updateId, _revisionId, _closureId, _snapshotId;

    // The global plan: exact totals spread over partnerships, reviews, recommendations and actions.
    private int[] _reviewsPer = [];
    private ReviewStage[] _stages = [];
    private int[] _recsPerReview = [];
    private int[] _actionsPerRec = [];
    private int[] _milestonesPerAction = [];
    private int[] _updatesPerAction = [];
    private string[] _places = [];
    private HashSet<int> _withHistory = [];
    private int _nextReview, _nextRec, _nextAction;

    public string Checksum => _hash.ToString("x16", CultureInfo.InvariantCulture);

    public async Task<GeneratorManifest> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var volumes = Volumes.For(options.Scale);
        Plan(volumes);
        GeneratorManifest? manifest = null;
        var demo = new List<UserRef>();
        var history = new List<int>();
        for (var p = 0; p < volumes.Partnerships; p++)
        {
            var org = new Org(p, new Random(Mix(options.Seed, p + 1)), _places[p]);
            EmitPartnership(org);
            var reviews = new List<ReviewFacts>();
            for (var i = 0; i < _reviewsPer[p]; i++)
            {
                reviews.Add(EmitReview(org, _nextReview++, special: p == 0 && i == 0));
            }

            if (_withHistory.Contains(p))
            {
                history.Add(org.Id);
                EmitQuarterHistory(org, volumes.Quarters);
            }

            demo.AddRange(org.Users.Where(u => u.Demo).Select(u => u.Ref));
            if (p == 0)
            {
                manifest = ManifestFor(org, reviews);
            }

            await sink.CheckpointAsync(cancellationToken);
            if ((p + 1) % 50 == 0 || p + 1 == volumes.Partnerships)
            {
                log.WriteLine($"  {p + 1} of {volumes.Partnerships} partnerships, {_actionId:N0} actions, {_updateId:N0} updates, {_snapshotId:N0} snapshots");
            }
        }

        return manifest! with
        {
            Seed = options.Seed,
            Scale = options.Scale,
            Today = _today,
            PartnershipsWithQuarterHistory = history,
            DemoUsers = demo,
        };
    }

    // ---- The plan ---------------------------------------------------------------------------------------

    private void Plan(Volumes v)
    {
        var rng = new Random(options.Seed);
        _places = Words.PlacePrefixes.SelectMany(a => Words.PlaceSuffixes.Select(b => a + b)).OrderBy(_ => rng.Next()).Take(v.Partnerships).ToArray();
        if (_places.Length < v.Partnerships)
        {
            _places = [.. _places, .. Enumerable.Range(_places.Length, v.Partnerships - _places.Length).Select(i => $"District{i}")];
        }

        var first = Math.Min(40, v.Reviews - (3 * (v.Partnerships - 1)));
        var rest = Distribute(rng, v.Reviews - first, v.Partnerships - 1, Math.Min(4, (v.Reviews - first) / (v.Partnerships - 1)), first);
        _reviewsPer = [first, .. rest];
        _withHistory = Enumerable.Range(0, v.Partnerships).OrderBy(p => p == 0 ? 0 : 1).ThenByDescending(p => _reviewsPer[p]).ThenBy(p => p)
            .Take(v.WithQuarterHistory).ToHashSet();

        _stages = new ReviewStage[v.Reviews];
        var totalWeight = StageWeights.Sum(w => w.Weight);
        for (var i = 0; i < v.Reviews; i++)
        {
            var roll = rng.Next(totalWeight);
            _stages[i] = StageWeights.First(w => (roll -= w.Weight) < 0).Stage;
        }

        // The first partnership shows every stage; its first review is the published one with 31 recommendations.
        _stages[0] = ReviewStage.ActionPlanDelivery;
        for (var i = 1; i <= StageCycle.Length && i < first; i++)
        {
            _stages[i] = StageCycle[i - 1];
        }

        var planReviews = Enumerable.Range(0, v.Reviews).Where(i => HasPlan(_stages[i])).ToList();
        var others = planReviews.Skip(1).ToList();
        var recsLeft = v.Recommendations - 31;
        var perOther = Distribute(rng, recsLeft, others.Count, Math.Min(7, recsLeft / others.Count), Math.Max(31, (recsLeft + others.Count - 1) / others.Count));
        _recsPerReview = new int[v.Reviews];
        _recsPerReview[0] = 31;
        for (var i = 0; i < others.Count; i++)
        {
            _recsPerReview[others[i]] = perOther[i];
        }

        _actionsPerRec = Distribute(rng, v.Actions, v.Recommendations, 1, Math.Max(4, (v.Actions + v.Recommendations - 1) / v.Recommendations));
        _milestonesPerAction = Distribute(rng, v.Milestones, v.Actions, 0, Math.Max(6, (v.Milestones + v.Actions - 1) / v.Actions));

        // Long-lived plans have had more updates than new ones.
        var weights = new double[v.Actions];
        var a = 0;
        var r = 0;
        for (var review = 0; review < v.Reviews; review++)
        {
            var weight = _stages[review] switch
            {
                ReviewStage.ActionPlanDelivery or ReviewStage.Closed => 4.0,
                ReviewStage.Publication or ReviewStage.QualityAssurance => 2.0,
                _ => 1.0,
            };
            for (var rec = 0; rec < _recsPerReview[review]; rec++, r++)
            {
                for (var k = 0; k < _actionsPerRec[r]; k++)
                {
                    weights[a++] = weight;
                }
            }
        }

        _updatesPerAction = Distribute(rng, v.Updates, v.Actions, 0, Math.Max(24, (v.Updates + v.Actions - 1) / v.Actions), weights);
    }

    private static bool HasPlan(ReviewStage stage) =>
        stage is ReviewStage.OverviewReport or ReviewStage.QualityAssurance or ReviewStage.Publication or ReviewStage.ActionPlanDelivery or ReviewStage.Closed;

    /// <summary>Spreads exactly <paramref name="total"/> over <paramref name="n"/> buckets, each between min and max.</summary>
    private static int[] Distribute(Random rng, int total, int n, int min, int max, double[]? weights = null)
    {
        var buckets = new int[n];
        if (n == 0)
        {
            return buckets;
        }

        Array.Fill(buckets, min);
        long remaining = total - ((long)n * min);
        if (remaining < 0 || remaining > (long)n * (max - min))
        {
            throw new GeneratorException($"Cannot spread {total} over {n} between {min} and {max}.");
        }

        double[]? cumulative = null;
        if (weights is not null)
        {
            cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                cumulative[i] = sum += weights[i];
            }
        }

        while (remaining > 0)
        {
            int i;
            if (cumulative is null)
            {
                i = rng.Next(n);
            }
            else
            {
                i = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
                i = i < 0 ? ~i : i;
                i = Math.Min(i, n - 1);
            }

            if (buckets[i] < max)
            {
                buckets[i]++;
                remaining--;
            }
        }

        return buckets;
    }

    private static int Mix(int seed, int salt)
    {
        // SplitMix64: a stable mix (HashCode.Combine differs from one process to the next).
        var z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    // ---- Writing rows -----------------------------------------------------------------------------------

    private void Emit(TableSpec table, params object?[] values)
    {
        if (values.Length != table.Columns.Count)
        {
            throw new InvalidOperationException($"{table.Name}: {values.Length} values for {table.Columns.Count} columns.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            table.Values[i] = value;
            Hash(value);
        }

        sink.Write(table);
        table.Rows++;
    }

    private void Hash(object? value)
    {
        const ulong prime = 1099511628211UL;
        switch (value)
        {
            case null:
                _hash = (_hash ^ 0xFF) * prime;
                break;
            case string s:
                foreach (var c in s)
                {
                    _hash = (_hash ^ c) * prime;
                }

                _hash = (_hash ^ 0xFE) * prime;
                break;
            case int i:
                _hash = (_hash ^ (uint)i) * prime;
                break;
            case bool b:
                _hash = (_hash ^ (b ? 1UL : 2UL)) * prime;
                break;
            case DateOnly d:
                _hash = (_hash ^ (uint)d.DayNumber) * prime;
                break;
            case DateTime dt:
                _hash = (_hash ^ (ulong)dt.Ticks) * prime;
                break;
            default:
                throw new InvalidOperationException($"Unexpected value type {value.GetType()}.");
        }
    }

    // ---- A partnership: agencies, themes, people --------------------------------------------------------

    private sealed record AgencyRow(int Id, string Name, AgencyKind Kind);

    private sealed record UserRow(int Id, string Name, string Email, Role Role, int? AgencyId, bool Demo, int PartnershipId)
    {
        public UserRef Ref => new(Id, Email, Name, Role, PartnershipId, AgencyId);
    }

    private sealed class Org(int index, Random rng, string place)
    {
        public int Index { get; } = index;
        public Random Rng { get; } = rng;
        public string Place { get; } = place;
        public int Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public string Code { get; set; } = string.Empty;
        public bool Welsh => Index % 14 == 5;
        public List<AgencyRow> Agencies { get; } = [];
        public List<AgencyRow> Local { get; } = [];
        public List<AgencyRow> National { get; } = [];
        public List<int> Themes { get; } = [];
        public List<UserRow> Users { get; } = [];
        public Dictionary<int, UserRow> Officers { get; } = [];
        public UserRow Chair => Users[0];
        public UserRow Coordinator => Users[1];
        public List<ActionFacts> Actions { get; } = [];
        public Dictionary<(string Prefix, int Year), int> ReferenceSequence { get; } = [];

        public int R(int min, int maxInclusive) => Rng.Next(min, maxInclusive + 1);

        public bool Chance(double p) => Rng.NextDouble() < p;

        public T Pick<T>(IReadOnlyList<T> list) => list[Rng.Next(list.Count)];

        public string Person() => $"{Pick(Words.FirstNames)} {Pick(Words.Surnames)}";
    }

    private void EmitPartnership(Org org)
    {
        org.Id = org.Index + 1;
        var county = org.Index == 0 || org.Chance(0.3);
        org.Name = $"{org.Place} {(county ? "County " : string.Empty)}Community Safety Partnership";
        org.Code = org.Place.ToUpperInvariant();
        Emit(t.Partnerships, org.Id, org.Name, org.Code, org.Person(), $"dhr@{org.Code.ToLowerInvariant()}.example", 0,
            Settings.AgencyReportDueDays, Settings.AmberMilestoneOverdueDays, Settings.CompletionDueMonths, Settings.DecisionDueMonths,
            Settings.HomeOfficeNotificationDueMonths, Settings.OverviewReportHeadings, Settings.StaleUpdateDays);

        (string Name, AgencyKind Kind)[] agencies =
        [
            (org.Welsh ? $"Heddlu {org.Place} Police" : $"{org.Place} Police", AgencyKind.Police),
            ($"{org.Place} Integrated Care Board", AgencyKind.IntegratedCareBoard),
            ($"{org.Place} GP Federation", AgencyKind.GpPractice),
            ($"{org.Place} Partnership NHS Foundation Trust", AgencyKind.MentalHealthTrust),
            ($"{org.Place} Hospitals NHS Trust", AgencyKind.AcuteHospitalTrust),
            ($"{org.Place} County Council", AgencyKind.CountyCouncil),
            ($"{org.Place} Borough Council", AgencyKind.DistrictCouncil),
            ($"{org.Place} Women's Aid", AgencyKind.SpecialistDomesticAbuseService),
            ($"{org.Place} Homes", AgencyKind.Housing),
            ($"Probation Service ({org.Place})", AgencyKind.Probation),
            ($"{org.Place} Ambulance Service", AgencyKind.AmbulanceService),
            ("Home Office", AgencyKind.NationalBody),
            ("NHS England", AgencyKind.NhsEngland),
            ("Department of Health and Social Care", AgencyKind.NationalBody),
        ];
        foreach (var (name, kind) in agencies)
        {
            var row = new AgencyRow(++_agencyId, name, kind);
            Emit(t.Agencies, row.Id, org.Id, name, kind.ToString(), true, 0);
            org.Agencies.Add(row);
            (kind is AgencyKind.NationalBody or AgencyKind.NhsEngland ? org.National : org.Local).Add(row);
        }

        foreach (var theme in Words.Themes.OrderBy(_ => org.Rng.Next()).Take(org.R(8, 12)))
        {
            org.Themes.Add(++_themeId);
            Emit(t.Themes, _themeId, org.Id, theme);
        }

        var code = org.Code.ToLowerInvariant();
        var first = org.Index == 0;
        AddUser(org, "chair", Role.CspChair, null, demo: first);
        AddUser(org, "coordinator", Role.Coordinator, null, demo: first || org.Index == 1);
        AddUser(org, "scrutiny", Role.Scrutiny, null, demo: first);
        AddUser(org, "admin", Role.Administrator, null, demo: first);
        foreach (var (prefix, kind) in new[]
                 {
                     ("police.officer", AgencyKind.Police), ("icb.officer", AgencyKind.IntegratedCareBoard), ("daservice.officer", AgencyKind.SpecialistDomesticAbuseService),
                     ("council.officer", AgencyKind.CountyCouncil), ("mentalhealth.officer", AgencyKind.MentalHealthTrust),
                 })
        {
            var agency = org.Local.First(a => a.Kind == kind);
            org.Officers[agency.Id] = AddUser(org, prefix, Role.LeadOfficer, agency.Id, demo: first && kind is AgencyKind.Police or AgencyKind.IntegratedCareBoard);
        }

        UserRow AddUser(Org o, string prefix, Role role, int? agencyId, bool demo)
        {
            var user = new UserRow(++_userId, o.Person(), $"{prefix}@{code}.example", role, agencyId, demo, o.Id);
            Emit(t.Users, user.Id, o.Id, user.Name, user.Email, null, role.ToString(), agencyId, demo, true, 0);
            o.Users.Add(user);
            return user;
        }
    }

    // ---- A review and its stages ------------------------------------------------------------------------

    private sealed record ReviewFacts(int Id, string Reference, ReviewStage Stage, int Recommendations, int Actions);

    private ReviewFacts EmitReview(Org org, int globalIndex, bool special)
    {
        var stage = _stages[globalIndex];
        var id = ++_reviewId;
        var recs = _recsPerReview[globalIndex];
        var coordinator = org.Coordinator.Name;

        // Offsets in days from the notification; the notification date is placed so the stage reached lies in the past.
        var decide = org.R(7, 40);
        var hoTold = decide + org.R(2, 35);
        var chair = decide + org.R(14, 70);
        var tor = chair + org.R(14, 60);
        var commissioned = stage is not (ReviewStage.AwaitingDecision or ReviewStage.NotCommissioned);
        var underway = commissioned && stage is not (ReviewStage.ChairToBeAppointed or ReviewStage.PanelAndTerms);
        var historicPause = underway && org.Chance(0.25);
        var pauseStart = tor + org.R(10, 100);
        var pauseLength = org.R(60, 300);
        var draft = Math.Max(tor + 60, decide + org.R(170, 420) + (historicPause ? pauseLength : 0));
        var panel = draft + org.R(14, 60);
        var csp = panel + org.R(7, 45);
        var qaSub = csp + org.R(7, 40);
        var qaMeet = qaSub + org.R(30, 100);
        var letter = qaMeet + org.R(7, 30);
        var published = letter + org.R(30, 180);
        var commissionerCopy = published + org.R(0, 30);
        var closed = published + org.R(365, 1400);
        var overviewVariant = org.R(0, 2);
        var hoToldYet = stage is not (ReviewStage.NotCommissioned or ReviewStage.ChairToBeAppointed) || org.Chance(0.9);

        var (reached, slack) = stage switch
        {
            ReviewStage.AwaitingDecision => (0, org.R(1, 45)),
            ReviewStage.NotCommissioned => (hoToldYet ? hoTold : decide, org.R(0, 3000)),
            ReviewStage.ChairToBeAppointed => (hoToldYet ? hoTold : decide, org.R(3, 100)),
            ReviewStage.PanelAndTerms => (chair, org.R(3, 90)),
            ReviewStage.UnderReview => (tor, org.R(20, 420)),
            ReviewStage.OverviewReport => (overviewVariant switch { 0 => draft, 1 => panel, _ => csp }, org.R(5, 150)),
            ReviewStage.QualityAssurance => (qaSub, org.R(5, 120)),
            ReviewStage.Publication => (letter, org.R(5, 150)),
            ReviewStage.ActionPlanDelivery => (commissionerCopy, special ? org.R(200, 400) : org.R(0, 2600)),
            _ => (closed, org.R(0, 1400)),
        };
        var notified = _today.AddDays(-(slack + reached));
        if (notified < EarliestNotification)
        {
            notified = EarliestNotification;
        }

        DateOnly D(int offset) => notified.AddDays(offset);
        DateOnly? Past(int offset) => D(offset) <= _today ? D(offset) : null;

        var kind = org.Welsh && notified >= new DateOnly(2024, 12, 1) ? ReviewKind.Susr
            : notified >= new DateOnly(2025, 6, 1) && org.Chance(0.5) ? ReviewKind.Dardr
            : ReviewKind.Dhr;
        var prefix = kind switch { ReviewKind.Susr => "SUSR", ReviewKind.Dardr => "DARDR", _ => "DHR" };
        var sequence = org.ReferenceSequence[(prefix, notified.Year)] = org.ReferenceSequence.GetValueOrDefault((prefix, notified.Year)) + 1;
        var reference = $"{prefix}-{notified.Year}-{sequence:00}";

        var victim = org.Chance(0.4) ? "Adult A" : org.Pick(Words.ChosenPseudonyms);
        var perpetrator = org.Chance(0.75) ? org.Pick(Words.PerpetratorPseudonyms) : null;
        var relationship = (Relationship)Math.Min(4, (int)(Math.Pow(org.Rng.NextDouble(), 1.6) * 5));
        var dateOfDeath = notified.AddDays(-org.R(1, 21));
        var notifyingAgency = org.Pick(org.Local);
        var circumstances = $"{victim} died at home in {dateOfDeath:MMMM yyyy}. {(perpetrator is null ? "The death is being treated as a suicide after abuse in the relationship." : $"{perpetrator}, the {relationship.Describe().ToLowerInvariant()}, has been charged.")} Known to {org.R(2, 6)} agencies in the year before.";

        var chairName = org.Person();
        var hasChair = underway || stage == ReviewStage.PanelAndTerms;
        var hasDraft = HasPlan(stage);
        var panelSigned = hasDraft && (stage != ReviewStage.OverviewReport || overviewVariant >= 1);
        var cspSigned = hasDraft && (stage != ReviewStage.OverviewReport || overviewVariant >= 2);
        var isPublished = stage is ReviewStage.ActionPlanDelivery or ReviewStage.Closed;
        var openPause = stage == ReviewStage.UnderReview && !historicPause && org.Chance(0.25);
        var openPauseStart = tor + org.R(10, 100);
        if (openPause && D(openPauseStart) > _today)
        {
            openPauseStart = (int)(_today.DayNumber - notified.DayNumber);
        }

        Emit(t.Reviews, id, org.Id, reference, kind.ToString(), D(0).ToDateTime(new TimeOnly(9, 0)).AddMinutes(org.R(0, 480)), 0, notified,
            notifyingAgency.Id, dateOfDeath, victim, org.R(16, 89), perpetrator, perpetrator is null ? null : org.R(17, 85), relationship.ToString(), circumstances,
            commissioned || stage == ReviewStage.NotCommissioned ? (hoToldYet ? D(hoTold) : null) : null,
            (commissioned || stage == ReviewStage.NotCommissioned) && hoToldYet ? coordinator : null,
            hasChair ? chairName : null, hasChair ? org.Pick(Words.ChairOrganisations) : null, hasChair ? D(chair) : null,
            hasChair ? (org.Chance(0.7) ? chairName : org.Person()) : null,
            underway ? D(tor) : null, underway ? dateOfDeath.AddYears(-org.R(2, 5)) : null, underway ? dateOfDeath : null,
            underway ? $"The review will examine the contact agencies had with {victim}{(perpetrator is null ? string.Empty : $" and {perpetrator}")} in the period under review, and identify lessons." : null,
            hasDraft ? D(draft) : null, panelSigned ? D(panel) : null, cspSigned ? D(csp) : null,
            isPublished ? D(published) : null, isPublished ? $"{org.Place} CSP website" : null,
            isPublished ? D(commissionerCopy) : null, isPublished && kind == ReviewKind.Dardr ? D(commissionerCopy) : null,
            stage == ReviewStage.Closed ? D(closed) : null,
            stage == ReviewStage.Closed ? "The CSP agreed that every action is delivered and its evidence accepted." : null);

        var stagesRecorded = new List<(int Stage, DateOnly On)> { (ReviewStageNumber.Notification, notified) };
        if (stage != ReviewStage.AwaitingDecision)
        {
            var outcome = stage == ReviewStage.NotCommissioned ? DecisionOutcome.DoNotCommission : org.Chance(0.1) ? DecisionOutcome.JointReview : DecisionOutcome.Commission;
            var rationale = outcome == DecisionOutcome.DoNotCommission
                ? $"The criteria are not met: the death of {victim} did not result from violence, abuse or neglect by a person related to, in an intimate relationship with, or living with them, on the information from every agency consulted."
                : $"Every statutory criterion is met: {victim} was 16 or over and died after abuse by {(perpetrator ?? "a family member")}. A review can identify lessons for the partnership.";
            Emit(t.Decisions, ++_decisionId, id, true, outcome != DecisionOutcome.DoNotCommission, outcome != DecisionOutcome.DoNotCommission, outcome.ToString(),
                outcome == DecisionOutcome.JointReview ? JointReviewType.SafeguardingAdultsReview.ToString() : null,
                outcome == DecisionOutcome.JointReview ? $"SAR-{notified.Year}-{org.R(1, 9):00}" : null,
                rationale, D(decide), org.Chair.Id, org.Chair.Name, D(decide).ToDateTime(new TimeOnly(11, 0)), null);
            stagesRecorded.Add((ReviewStageNumber.Decision, D(decide)));
            if (hoToldYet)
            {
                stagesRecorded.Add((ReviewStageNumber.HomeOfficeNotified, D(hoTold)));
            }
        }

        if (hasChair)
        {
            stagesRecorded.Add((ReviewStageNumber.ChairAppointed, D(chair)));
            var members = org.R(5, 9);
            foreach (var agency in org.Local.OrderBy(_ => org.Rng.Next()).Take(members))
            {
                Emit(t.PanelMembers, ++_panelId, id, agency.Id, org.Person(), org.Pick(Words.PanelRoles));
            }

            stagesRecorded.Add((ReviewStageNumber.PanelAndTerms, underway ? D(tor) : D(chair)));
        }

        if (underway)
        {
            var lastReceived = 0;
            foreach (var agency in org.Local.OrderBy(_ => org.Rng.Next()).Take(org.R(3, 6)))
            {
                var requested = tor + org.R(0, 10);
                var due = requested + Settings.AgencyReportDueDays;
                var received = due + org.R(-20, 40);
                if (hasDraft)
                {
                    received = Math.Min(received, draft - 5);
                }

                var receivedOn = Past(received);
                lastReceived = Math.Max(lastReceived, received);
                Emit(t.AgencyReports, ++_reportId, id, agency.Id, (org.Chance(0.7) ? AgencyReportKind.IndividualManagementReview : AgencyReportKind.Chronology).ToString(),
                    D(requested), D(due), receivedOn, receivedOn is null ? null : coordinator);
            }

            stagesRecorded.Add((ReviewStageNumber.AgencyReports, Past(lastReceived) ?? D(tor)));
            var contacts = org.R(1, 3);
            for (var i = 0; i < contacts; i++)
            {
                var offered = tor + org.R(0, 30);
                var responded = Past(offered + org.R(3, 30));
                var response = responded is null || (stage == ReviewStage.UnderReview && org.Chance(0.1)) ? FamilyResponse.AwaitingResponse
                    : org.Chance(0.65) ? FamilyResponse.Accepted : FamilyResponse.Declined;
                Emit(t.FamilyContacts, ++_familyId, id, $"{org.Pick(Words.FamilyMembers)} {victim}", Past(offered) ?? D(tor), response.ToString(),
                    response == FamilyResponse.AwaitingResponse ? null : responded, response == FamilyResponse.Accepted && org.Chance(0.5) ? "Advocacy After Fatal Domestic Abuse (AAFDA)" : null, null);
            }

            stagesRecorded.Add((ReviewStageNumber.Family, Past(tor + 30) ?? D(tor)));
            if (historicPause || openPause)
            {
                var start = historicPause ? pauseStart : openPauseStart;
                var end = historicPause ? Past(pauseStart + pauseLength) : null;
                var reason = org.Chance(0.6) ? PauseReason.CriminalTrial : org.Chance(0.7) ? PauseReason.Inquest : PauseReason.IopcInvestigation;
                Emit(t.Pauses, ++_pauseId, id, reason.ToString(), D(start), end, null, Past(start + org.R(1, 20)));
                stagesRecorded.Add((ReviewStageNumber.ParallelProceedings, end ?? D(start)));
            }
        }

        if (hasDraft)
        {
            stagesRecorded.Add((ReviewStageNumber.OverviewReport, cspSigned ? D(csp) : panelSigned ? D(panel) : D(draft)));
        }

        if (stage is ReviewStage.QualityAssurance or ReviewStage.Publication or ReviewStage.ActionPlanDelivery or ReviewStage.Closed)
        {
            var cleared = stage != ReviewStage.QualityAssurance;
            Emit(t.QaSubmissions, ++_qaId, id, D(qaSub), cleared ? D(qaMeet) : Past(qaMeet), cleared ? D(letter) : null,
                cleared ? (org.Chance(0.6) ? QaOutcome.Publish : QaOutcome.PublishAfterChanges).ToString() : null,
                cleared ? "Areas for final development: the voice of the victim, and the analysis of agencies' contact in the final year." : null);
            stagesRecorded.Add((ReviewStageNumber.QualityAssurance, cleared ? D(letter) : D(qaSub)));
        }

        if (isPublished)
        {
            stagesRecorded.Add((ReviewStageNumber.Publication, D(commissionerCopy)));
        }

        if (stage == ReviewStage.Closed)
        {
            stagesRecorded.Add((ReviewStageNumber.Closure, D(closed)));
        }

        foreach (var (number, on) in stagesRecorded.GroupBy(s => s.Stage).Select(g => g.Last()))
        {
            Emit(t.StageRecords, ++_stageId, id, number, coordinator, on.ToDateTime(new TimeOnly(10, 0)));
        }

        var actions = 0;
        if (hasDraft)
        {
            var planStart = cspSigned ? D(csp) : panelSigned ? D(panel) : D(draft);
            actions = EmitPlan(org, id, stage, recs, planStart, stage == ReviewStage.Closed ? D(closed) : null);
        }
        else if (recs > 0)
        {
            throw new InvalidOperationException("Recommendations planned for a review without a plan.");
        }

        return new ReviewFacts(id, reference, stage, recs, actions);
    }

    // ---- Recommendations and actions --------------------------------------------------------------------

    private sealed record MilestoneFacts(string Description, DateOnly Due, DateOnly? Achieved);

    private sealed record UpdateFacts(DateTime At, string Narrative, Rag? Assessment, string? Reason);

    /// <summary>What a quarter snapshot needs of an action, to derive its status as it stood then.</summary>
    private sealed record ActionFacts(
        int Id, int ReviewId, int RecommendationId, int LeadAgencyId, DateOnly CreatedOn, DateOnly OriginalTarget, DateOnly Target, DateOnly? RevisedOn,
        DateOnly? CompletedOn, DateOnly? AcceptedOn, List<MilestoneFacts> Milestones, List<UpdateFacts> Updates);

    private int EmitPlan(Org org, int reviewId, ReviewStage stage, int recs, DateOnly planStart, DateOnly? closedOn)
    {
        var dotted = org.Chance(0.1);
        var section = org.R(5, 12);
        var actionCount = 0;
        for (var i = 1; i <= recs; i++)
        {
            var recId = ++_recId;
            var scope = org.Chance(0.1) ? Domain.Recommendations.RecommendationScope.National
                : org.Chance(0.17) ? Domain.Recommendations.RecommendationScope.Regional
                : Domain.Recommendations.RecommendationScope.Local;
            var addressees = scope == Domain.Recommendations.RecommendationScope.National
                ? new List<AgencyRow> { org.Pick(org.National) }
                : org.Local.OrderBy(_ => org.Rng.Next()).Take(org.Chance(0.7) ? 1 : 2).ToList();
            var subject = org.Pick(Words.Subjects);
            var text = $"{(addressees.Count == 1 ? addressees[0].Name : "Every partner agency")} should {org.Pick(Words.RecommendationVerbs)} {subject}, {org.Pick(Words.Purposes)}.";
            Emit(t.Recommendations, recId, org.Id, reviewId, dotted ? $"{section}.{i}" : i.ToString(CultureInfo.InvariantCulture), text, scope.ToString(), i, 0);
            foreach (var a in addressees)
            {
                Emit(t.Addressees, recId, a.Id);
            }

            foreach (var theme in org.Themes.OrderBy(_ => org.Rng.Next()).Take(org.R(1, 3)).Order())
            {
                Emit(t.RecommendationThemes, recId, theme);
            }

            var count = _actionsPerRec[_nextRec++];
            for (var k = 1; k <= count; k++)
            {
                EmitAction(org, reviewId, recId, k, stage, planStart, closedOn, subject, addressees);
                actionCount++;
            }
        }

        return actionCount;
    }

    private void EmitAction(Org org, int reviewId, int recId, int sortOrder, ReviewStage stage, DateOnly planStart, DateOnly? closedOn, string subject, List<AgencyRow> addressees)
    {
        var id = ++_actionId;
        var milestoneCount = _milestonesPerAction[_nextAction];
        var updateCount = _updatesPerAction[_nextAction++];
        var lead = addressees[0].Kind is AgencyKind.NationalBody or AgencyKind.NhsEngland || org.Chance(0.4)
            ? org.Chance(0.35) ? org.Local[0] : org.Pick(org.Local)
            : addressees[0];
        var officer = org.Officers.TryGetValue(lead.Id, out var o) ? o : org.Coordinator;
        var created = Min(planStart.AddDays(org.R(0, 14)), _today);
        var target = created.AddDays(org.R(90, 720));

        // Completion.
        DateOnly? completed = null;
        DateOnly? accepted = null;
        var latestEnd = closedOn ?? _today;
        var completes = stage switch
        {
            ReviewStage.Closed => true,
            ReviewStage.ActionPlanDelivery => org.Chance(target < _today ? 0.75 : 0.2),
            _ => org.Chance(0.05),
        } && created.AddDays(30) < latestEnd;
        if (completes)
        {
            var latest = Min(latestEnd.AddDays(-1), target.AddDays(150));
            completed = created.AddDays(org.R(30, Math.Max(30, latest.DayNumber - created.DayNumber)));
            completed = Min(completed.Value, latestEnd.AddDays(-1));
            accepted = Min(completed.Value.AddDays(org.R(0, 21)), latestEnd);
        }

        var open = accepted is null;
        var proposal = open && created.AddDays(30) < _today && org.Chance(0.03);
        var proposedOn = proposal ? Max(created.AddDays(1), _today.AddDays(-org.R(1, 20))) : (DateOnly?)null;

        // Revised target dates: approved ones move the target; a few wait for the co-ordinator or were refused.
        var original = target;
        DateOnly? revisedOn = null;
        var revisions = new List<object?[]>();
        if (open && !proposal && target < _today && stage == ReviewStage.ActionPlanDelivery && org.Chance(0.2))
        {
            var requestedAt = Max(created.AddDays(1), target.AddDays(-org.R(0, 30)));
            revisedOn = Min(requestedAt.AddDays(org.R(3, 20)), _today);
            target = _today.AddDays(org.R(30, 300));
            revisions.Add([original, target, org.Pick(Words.SlowReasons), officer.Name, requestedAt.ToDateTime(new TimeOnly(9, 30)), RevisionState.Approved.ToString(),
                org.Coordinator.Name, revisedOn.Value.ToDateTime(new TimeOnly(14, 0)), "Agreed: the new date is realistic."]);
        }
        else if (open && !proposal && org.Chance(0.05))
        {
            var state = org.Chance(0.8) ? RevisionState.Pending : RevisionState.Refused;
            var requestedAt = Max(created, _today.AddDays(-org.R(1, 40)));
            revisions.Add([target, _today.AddDays(org.R(30, 200)), org.Pick(Words.SlowReasons), officer.Name, requestedAt.ToDateTime(new TimeOnly(9, 30)), state.ToString(),
                state == RevisionState.Refused ? org.Coordinator.Name : null, state == RevisionState.Refused ? requestedAt.ToDateTime(new TimeOnly(15, 0)) : null,
                state == RevisionState.Refused ? "Refused: the board expects delivery by the original date." : null]);
        }

        // Milestones.
        var milestones = new List<MilestoneFacts>();
        var span = Math.Max(1, target.DayNumber - created.DayNumber);
        for (var k = 0; k < milestoneCount; k++)
        {
            var due = created.AddDays(Math.Max(1, ((k + 1) * span / (milestoneCount + 1)) + org.R(-7, 7)));
            DateOnly? achieved;
            if (accepted is not null)
            {
                achieved = Max(created, Min(due.AddDays(org.R(-20, 20)), completed!.Value));
            }
            else if (proposedOn is { } p)
            {
                achieved = Max(created, Min(due.AddDays(org.R(-20, 10)), p));
            }
            else if (due < _today)
            {
                achieved = org.Chance(0.8) ? Max(created, Min(due.AddDays(org.R(-15, 25)), _today)) : null;
            }
            else
            {
                achieved = org.Chance(0.1) ? Max(created, _today.AddDays(-org.R(0, 30))) : null;
            }

            milestones.Add(new MilestoneFacts($"{org.Pick(Words.Milestones)} ({k + 1} of {milestoneCount})", due, achieved));
        }

        // Progress updates, oldest first; some open actions have gone quiet.
        var updatesEnd = completed ?? (open && org.Chance(0.15) ? Max(created, _today.AddDays(-org.R(95, 400))) : _today);
        var days = Math.Max(0, updatesEnd.DayNumber - created.DayNumber);
        var updateDays = Enumerable.Range(0, updateCount).Select(_ => created.AddDays(org.R(Math.Min(1, days), days))).Order().ToList();
        var updates = new List<UpdateFacts>(updateCount);
        foreach (var day in updateDays)
        {
            var roll = org.Rng.NextDouble();
            Rag? assessment = roll < 0.35 ? null : roll < 0.85 ? Rag.Green : roll < 0.95 ? Rag.Amber : Rag.Red;
            var reason = assessment is Rag.Amber or Rag.Red ? org.Pick(Words.SlowReasons) : null;
            var narrative = $"{org.Pick(Words.UpdateOpenings)} on {subject} {org.Pick(Words.UpdateDetails)}.";
            updates.Add(new UpdateFacts(day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(org.R(0, 480)), narrative, assessment, reason));
        }

        var lastUpdate = updates.Count > 0 ? DateOnly.FromDateTime(updates[^1].At) : (DateOnly?)null;
        var returned = open && !proposal && org.Chance(0.01);
        Emit(t.Actions, id, org.Id, reviewId, recId, sortOrder, $"{org.Pick(Words.ActionVerbs)} {subject}.", lead.Id,
            officer.AgencyId is null ? null : officer.Name,
            $"Practitioners across {lead.Name} recognise and respond to {subject}.", created, original, target,
            proposedOn ?? (accepted is null ? null : completed), proposal || accepted is not null ? org.Pick(Words.Evidence) : null,
            proposal || accepted is not null ? officer.Name : null,
            accepted is null ? null : completed, accepted is null ? null : org.Pick(Words.Evidence), accepted, accepted is null ? null : org.Coordinator.Name,
            returned ? "Please attach the audit results, not only the plan." : null, returned ? _today.AddDays(-org.R(5, 60)) : null, lastUpdate, 0);

        var supporting = org.Local.Where(a => a.Id != lead.Id).OrderBy(_ => org.Rng.Next()).Take(org.Chance(0.5) ? org.R(1, 2) : 0).Select(a => a.Id).Order();
        foreach (var agency in supporting)
        {
            Emit(t.SupportingAgencies, id, agency);
        }

        foreach (var m in milestones)
        {
            Emit(t.Milestones, ++_milestoneId, id, m.Description, m.Due, m.Achieved);
        }

        foreach (var u in updates)
        {
            Emit(t.Updates, ++_updateId, id, officer.Id, officer.Name, u.At, u.Narrative, u.Assessment?.ToString(), u.Reason);
        }

        foreach (var r in revisions)
        {
            Emit(t.Revisions, [++_revisionId, id, .. r]);
        }

        if (_withHistory.Contains(org.Index))
        {
            org.Actions.Add(new ActionFacts(id, reviewId, recId, lead.Id, created, original, target, revisedOn, completed, accepted, milestones, updates));
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // ---- Quarter history --------------------------------------------------------------------------------

    /// <summary>
    /// Forty closed quarters, each freezing every action that existed then with its status derived as it stood
    /// on the quarter's last day (milestones achieved, updates posted, completions accepted and revised dates
    /// approved by then), so that papers find real movement from quarter to quarter.
    /// </summary>
    private void EmitQuarterHistory(Org org, int quarters)
    {
        var last = FinancialQuarter.Containing(_today).Previous;
        var list = new List<FinancialQuarter> { last };
        while (list.Count < quarters)
        {
            list.Add(list[^1].Previous);
        }

        foreach (var quarter in list.AsEnumerable().Reverse())
        {
            var asOf = quarter.End;
            var closedAt = asOf.AddDays(org.R(3, 20));
            if (closedAt >= _today)
            {
                closedAt = _today.AddDays(-1);
            }

            var closureId = ++_closureId;
            Emit(t.Closures, closureId, org.Id, quarter.StartYear, quarter.Number, closedAt.ToDateTime(new TimeOnly(10, 0)), org.Coordinator.Id, org.Coordinator.Name, null);
            foreach (var a in org.Actions.Where(a => a.CreatedOn <= asOf))
            {
                var accepted = a.AcceptedOn <= asOf ? a.AcceptedOn : null;
                var target = a.RevisedOn <= asOf ? a.Target : a.OriginalTarget;
                var latest = a.Updates.LastOrDefault(u => DateOnly.FromDateTime(u.At) <= asOf);
                var facts = new ActionStatusFacts(
                    a.CreatedOn,
                    target,
                    accepted,
                    a.Milestones.Select(m => new MilestoneFact(m.Description, m.Due, m.Achieved <= asOf ? m.Achieved : null)).ToList(),
                    latest is null ? null : DateOnly.FromDateTime(latest.At),
                    latest?.Assessment,
                    latest?.Reason);
                var status = ActionStatus.Derive(facts, asOf, Settings.Thresholds);
                Emit(t.Snapshots, ++_snapshotId, closureId, a.Id, a.ReviewId, a.RecommendationId, a.LeadAgencyId, status.Status.ToString(),
                    status.Reason.Length > TextLimits.Reason ? status.Reason[..TextLimits.Reason] : status.Reason,
                    target, a.OriginalTarget, accepted is null ? null : a.CompletedOn, latest?.Narrative, latest is null ? null : DateOnly.FromDateTime(latest.At));
            }
        }
    }

    // ---- What the benchmarks need -----------------------------------------------------------------------

    private GeneratorManifest ManifestFor(Org org, List<ReviewFacts> reviews)
    {
        var review31 = reviews[0];
        var leadOfficer = org.Users.First(u => u.Role == Role.LeadOfficer);
        return new GeneratorManifest
        {
            PartnershipId = org.Id,
            PartnershipName = org.Name,
            PartnershipReviews = reviews.Count,
            PartnershipActions = reviews.Sum(r => r.Actions),
            Review31Id = review31.Id,
            Review31Reference = review31.Reference,
            Review31Actions = review31.Actions,
            Coordinator = org.Coordinator.Ref,
            Chair = org.Chair.Ref,
            LeadOfficer = leadOfficer.Ref,
            LeadOfficerActions = org.Actions.Count(a => a.LeadAgencyId == leadOfficer.AgencyId),
            LatestClosureId = _closureId,
            LatestClosureStartYear = FinancialQuarter.Containing(_today).Previous.StartYear,
            LatestClosureQuarter = FinancialQuarter.Containing(_today).Previous.Number,
            LatestClosureSnapshots = org.Actions.Count(a => a.CreatedOn <= FinancialQuarter.Containing(_today).Previous.End),
        };
    }
}
