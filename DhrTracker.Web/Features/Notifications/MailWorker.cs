using DhrTracker.Infrastructure.Mail;

namespace DhrTracker.Web.Features.Notifications;

/// <summary>
/// The background work of e-mail, on every instance: at start and then every <see cref="EmailOptions.PollInterval"/>,
/// run the digest cycle (idempotent per period, so every instance may run it) and deliver what is due in the outbox
/// (claimed message by message in the database, so no two instances send the same one). Off when
/// <c>Email:Background</c> is false (the tests that drive the cycle and the sender themselves).
/// </summary>
public sealed class MailWorker(IServiceProvider services, EmailOptions options, TimeProvider time, ILogger<MailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var step in services.GetServices<IMailWorkStep>())
                {
                    await step.RunAsync(stoppingToken);
                }

                await services.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database that is busy or away now is tried again at the next turn; the work is idempotent.
                logger.LogError(ex, "The e-mail cycle failed; it runs again in {Interval}.", options.PollInterval);
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Work the mail worker runs before each delivery round (the digest cycle).</summary>
public interface IMailWorkStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
