using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Reminders;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// What operators watch, as OpenTelemetry metrics served in Prometheus text at <c>/metrics</c> (ops/grafana-westudio.json
/// charts them). Series (Prometheus names):
/// <list type="bullet">
/// <item><c>http_server_request_duration_seconds</c> (histogram, per <c>http_route</c>, method and status): ASP.NET Core's own.</item>
/// <item><c>westudio_checkin_outcomes_total{endpoint, code}</c>: POST /checkins and /checkouts by answer (<c>created</c>,
/// <c>ok</c> or the refusal's ProblemDetails code, e.g. <c>token_expired</c>, <c>database_unavailable</c>).</item>
/// <item><c>westudio_checkin_batch_size</c> and <c>westudio_checkin_batch_duration_seconds</c> (histograms): the check-in
/// writer's group-commit batches, scans per batch and seconds per batch (a full queue shows as batches at
/// <c>CheckIn:BatchMaxSize</c>; a slow disk as long batches).</item>
/// <item><c>westudio_reminder_outcomes_total{status}</c> (Sent, NoConsent, NotFollowing, Failed, Withdrawn, Pending = retry later)
/// and <c>westudio_reminder_outbox_due</c> (gauge: Pending reminders due now, sampled every <c>Metrics:SampleSeconds</c>).</item>
/// <item><c>westudio_job_runs_total{job_name, result}</c>: passes of the background loops, <c>ok</c> or <c>failed</c>.</item>
/// <item><c>westudio_redis_ping_duration_seconds</c> (histogram, sampled) and MySqlConnector's pool series
/// (<c>db_client_connections_usage</c>, <c>db_client_connections_create_time</c>, <c>db_client_connections_wait_time</c>, …).</item>
/// </list>
/// Where: with <c>Metrics:Port</c> set, only on that port (add it to the server's URLs, e.g.
/// <c>--urls "http://0.0.0.0:5080;http://127.0.0.1:9464"</c>) and without sign-in, for a Prometheus on the private network;
/// otherwise on the API's port for a signed-in committee admin only.
/// </summary>
public static class WeStudioMetrics
{
    public const string MeterName = "WeStudio";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CheckInOutcomes = Meter.CreateCounter<long>("westudio.checkin.outcomes",
        description: "Check-in and check-out requests by endpoint and outcome code.");
    public static readonly Counter<long> ReminderOutcomes = Meter.CreateCounter<long>("westudio.reminder.outcomes",
        description: "Reminders handled by the dispatcher, by the status recorded.");
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("westudio.job.runs",
        description: "Passes of the background jobs by job_name (the loop's class; not \"job\", which Prometheus keeps for the scrape job) and result (ok, failed).");
    public static readonly Histogram<double> RedisPing = Meter.CreateHistogram<double>("westudio.redis.ping.duration", unit: "s",
        description: "Round trip of a Redis PING, sampled every Metrics:SampleSeconds.",
        // In seconds: the SDK's default bounds (0, 5, 10, 25, … meant for milliseconds) would put every ping in the first bucket.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static readonly Histogram<int> CheckInBatchSize = Meter.CreateHistogram<int>("westudio.checkin.batch.size", unit: "{scan}",
        description: "Scans written per group-commit batch of the check-in writer (one INSERT and one COMMIT).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000] });
    public static readonly Histogram<double> CheckInBatchDuration = Meter.CreateHistogram<double>("westudio.checkin.batch.duration", unit: "s",
        description: "Time of one group-commit batch of the check-in writer, from BEGIN to the COMMIT's answer (a read-back included when some row did not go in).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1, 2.5] });

    private static long outboxDue = -1;
    private static readonly ObservableGauge<long> OutboxDue = Meter.CreateObservableGauge("westudio.reminder.outbox.due",
        () => Interlocked.Read(ref outboxDue) is var v and >= 0 ? [new Measurement<long>(v)] : Array.Empty<Measurement<long>>(),
        description: "Pending reminders due now (the outbox backlog), sampled every Metrics:SampleSeconds.");

    internal static void SetOutboxDue(long value) => Interlocked.Exchange(ref outboxDue, value);

    /// <summary>Item key where ProblemDetails customization leaves the refusal's code for <see cref="CheckInOutcomes"/>.</summary>
    internal const string ProblemCodeItem = "westudio.problem.code";

    public static IServiceCollection AddWeStudioMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(MeterName, "MySqlConnector")
            .AddPrometheusExporter());
        services.AddHostedService<OpsSampler>();
        return services;
    }

    /// <summary>Counts check-in outcomes (after the endpoint answered) and maps <c>/metrics</c> (see the class summary).</summary>
    public static WebApplication UseWeStudioMetrics(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Routing ran before this (WebApplication adds it first); the exception handler clears the endpoint, so read it now.
            var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            await next(context);
            if (name is not ("CheckIn" or "CheckOut")) return;
            var code = context.Items[ProblemCodeItem] as string
                ?? (context.Response.StatusCode == 201 ? "created" : context.Response.StatusCode < 300 ? "ok" : context.Response.StatusCode.ToString());
            CheckInOutcomes.Add(1, new("endpoint", name), new("code", code));
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWeStudioMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        if (app.Configuration.GetValue<int?>("Metrics:Port") is { } port and > 0) endpoint.RequireHost($"*:{port}");
        else endpoint.RequireAuthorization(CurrentUser.AdminPolicy);
        return app;
    }

    /// <summary>Samples the outbox backlog and Redis latency every <c>Metrics:SampleSeconds</c> (default 15; 0 turns it off).</summary>
    private sealed class OpsSampler(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<OpsSampler> logger)
        : PeriodicJob(clock, logger)
    {
        protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Metrics:SampleSeconds", 15));

        protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await services.GetRequiredService<RedisConnection>().Database.PingAsync();
                RedisPing.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.LogWarning("Redis did not answer the metrics ping: {Error}", e.Message);
            }
            SetOutboxDue(await services.GetRequiredService<RemindersStore>().CountDueAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), ct));
            return null;
        }
    }
}
