using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;

namespace DhrTracker.Benchmarks.Twins;

/// <summary>
/// Closing a quarter by hand: read every action's facts, derive its status with the domain rule, and write the
/// closure and its snapshots with one prepared INSERT in one transaction (superseding an earlier closure).
/// </summary>
internal static class CloseQuarterTwin
{
    public static async Task<int> RunAsync(string connectionString, int partnershipId, int userId, string userName, FinancialQuarter quarter, DateTime nowUtc, DateOnly today)
    {
        await using var c = await Sql.OpenAsync(connectionString);
        var p = ("$p", (object?)partnershipId);
        var asOf = today < quarter.End ? today : quarter.End;
        var settings = (await QueryTwins.SettingsAsync(c, partnershipId)).Single();
        var facts = await QueryTwins.ActionsAsync(c, "a.PartnershipId = $p AND a.CreatedOn <= $end", wide: true, p, ("$end", quarter.End));
        var milestones = facts.MilestonesByAction;
        var latest = facts.LatestByAction;

        await using var transaction = c.BeginTransaction();
        await using (var supersede = c.CreateCommand())
        {
            supersede.Transaction = transaction;
            supersede.CommandText = "UPDATE QuarterClosures SET SupersededAtUtc = $now WHERE PartnershipId = $p AND StartYear = $y AND QuarterNumber = $n AND SupersededAtUtc IS NULL";
            supersede.Parameters.AddWithValue("$now", nowUtc);
            supersede.Parameters.AddWithValue("$p", partnershipId);
            supersede.Parameters.AddWithValue("$y", quarter.StartYear);
            supersede.Parameters.AddWithValue("$n", quarter.Number);
            await supersede.ExecuteNonQueryAsync();
        }

        long closureId;
        await using (var insert = c.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO QuarterClosures (PartnershipId, StartYear, QuarterNumber, ClosedAtUtc, ClosedByUserId, ClosedByName) VALUES ($p, $y, $n, $now, $u, $name) RETURNING Id";
            insert.Parameters.AddWithValue("$p", partnershipId);
            insert.Parameters.AddWithValue("$y", quarter.StartYear);
            insert.Parameters.AddWithValue("$n", quarter.Number);
            insert.Parameters.AddWithValue("$now", nowUtc);
            insert.Parameters.AddWithValue("$u", userId);
            insert.Parameters.AddWithValue("$name", userName);
            closureId = (long)(await insert.ExecuteScalarAsync())!;
        }

        await using (var snapshot = c.CreateCommand())
        {
            snapshot.Transaction = transaction;
            snapshot.CommandText = """
                INSERT INTO ActionSnapshot (QuarterClosureId, ActionItemId, ReviewId, RecommendationId, LeadAgencyId, Status, Reason, TargetDate, OriginalTargetDate, CompletedOn, LatestUpdate, LatestUpdateOn)
                VALUES ($c, $a, $r, $m, $l, $s, $why, $t, $o, $done, $u, $uOn)
                """;
            var parameters = new[] { "$c", "$a", "$r", "$m", "$l", "$s", "$why", "$t", "$o", "$done", "$u", "$uOn" }.Select(n => snapshot.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(n, DBNull.Value))).ToArray();
            snapshot.Prepare();
            foreach (var a in facts.Actions)
            {
                var last = latest.GetValueOrDefault(a.Id);
                var status = ActionStatus.Derive(TwinActions.Facts(a, milestones[a.Id], last), asOf, settings.Thresholds);
                object?[] values =
                [
                    closureId, a.Id, a.ReviewId, a.RecommendationId, a.LeadAgencyId, status.Status.ToString(),
                    status.Reason.Length > TextLimits.Reason ? status.Reason[..TextLimits.Reason] : status.Reason,
                    a.TargetDate, a.OriginalTargetDate, a.CompletedOn, last?.Narrative, last?.PostedAtUtc is { } at ? DateOnly.FromDateTime(at) : null,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await snapshot.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return facts.Actions.Count;
    }
}
