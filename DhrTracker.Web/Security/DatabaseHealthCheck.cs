using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DhrTracker.Web.Security;

/// <summary><c>/health</c> answers healthy only when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(DhrDbContextFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create(DataScope.Nobody);
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason goes to the log, not to an anonymous caller.
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
