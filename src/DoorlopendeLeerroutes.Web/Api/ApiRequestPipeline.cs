using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Infrastructure.ApiClients;

namespace DoorlopendeLeerroutes.Web.Api;

/// <summary>
/// What every authorised call under <see cref="ApiContract.BasePath"/> goes through after authorization (issue 14): an
/// audit line per call (R-PRIV-2), the client's rate limit (429 with <c>Retry-After</c>), and for writes with an
/// <c>Idempotency-Key</c> one run per key. Calls without a client (the public OpenAPI document) pass untouched.
/// </summary>
public static class ApiRequestPipeline
{
    public const string RequestsPerMinuteKey = "Api:RequestsPerMinute";
    public const int DefaultRequestsPerMinute = 120;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on a response that is a stored answer to an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IServiceCollection AddApiRequestPipeline(this IServiceCollection services)
    {
        // One limiter per app, partitioned by the client's id: a fixed window of a minute (Api:RequestsPerMinute).
        services.AddSingleton(sp =>
        {
            var permits = sp.GetRequiredService<IConfiguration>().GetValue(RequestsPerMinuteKey, DefaultRequestsPerMinute);
            return new ClientRateLimiter(PartitionedRateLimiter.Create<Guid, Guid>(client => RateLimitPartition.GetFixedWindowLimiter(
                client, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        });
        return services;
    }

    /// <summary>After <c>UseAuthorization</c>: the bearer principal is then the request's user.</summary>
    public static IApplicationBuilder UseApiRequestPipeline(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiContract.BasePath),
            branch => branch.Use(RecordCallAsync).Use(LimitRateAsync).Use(IdempotentAsync));

    /// <summary>The limiter, wrapped so the app's other limiters are never confused with it.</summary>
    public sealed class ClientRateLimiter(PartitionedRateLimiter<Guid> limiter) : IDisposable
    {
        public RateLimitLease Acquire(Guid client) => limiter.AttemptAcquire(client);

        public void Dispose() => limiter.Dispose();
    }

    /// <summary>R-PRIV-2: one audit line per call, with the client, the method and the route template, never the path's values.</summary>
    private static async Task RecordCallAsync(HttpContext context, RequestDelegate next)
    {
        var user = ApiClientClaims.ToUserContext(context.User);
        try
        {
            await next(context);
        }
        finally
        {
            if (user is not null)
            {
                var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(onbekend adres)";
                await context.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(
                    user, AuditEvent.ApiCall(context.Request.Method, template, context.Response.StatusCode), CancellationToken.None);
            }
        }
    }

    private static async Task LimitRateAsync(HttpContext context, RequestDelegate next)
    {
        if (ApiClientClaims.ClientIdOf(context.User) is not { } client)
        {
            await next(context);
            return;
        }

        using var lease = context.RequestServices.GetRequiredService<ClientRateLimiter>().Acquire(client);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, string.Create(
            CultureInfo.InvariantCulture, $"Deze koppeling heeft te veel verzoeken gedaan. Probeer het over {seconds} seconden opnieuw."));
    }

    /// <summary>
    /// A write with an <c>Idempotency-Key</c>: the same key with the same request within 24 hours gets the stored answer
    /// again instead of a second run; the same key with another request is refused (422). Server errors are not stored.
    /// </summary>
    private static async Task IdempotentAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        var isWrite = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (!isWrite || ApiClientClaims.ClientIdOf(context.User) is not { } client
            || !context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength || values.Count > 1)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, string.Create(CultureInfo.InvariantCulture,
                $"De header {IdempotencyKeyHeader} moet één waarde van 1 tot {IdempotentRequest.MaxKeyLength} tekens hebben, bijvoorbeeld een UUID."));
            return;
        }

        var store = context.RequestServices.GetRequiredService<IdempotencyStore>();
        var begin = await store.BeginAsync(client, key, await HashAsync(context.Request), context.RequestAborted);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await ApiProblems.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                    $"Deze {IdempotencyKeyHeader} is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor een nieuw verzoek.");
                return;
            case IdempotencyOutcome.InProgress:
                await ApiProblems.WriteAsync(context, StatusCodes.Status409Conflict,
                    $"Een verzoek met deze {IdempotencyKeyHeader} wordt nog verwerkt. Probeer het zo opnieuw.");
                return;
            case IdempotencyOutcome.Replay:
                await ReplayAsync(context, begin.Stored!);
                return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            var status = context.Response.StatusCode;
            if (status < 500)
            {
                await store.CompleteAsync(
                    begin.Id, status, context.Response.ContentType, buffer.ToArray(), context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    CancellationToken.None);
                completed = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!completed)
            {
                await store.AbandonAsync(begin.Id, CancellationToken.None);
            }

            if (buffer.Length > 0 && !context.RequestAborted.IsCancellationRequested)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, CancellationToken.None);
            }
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        context.Response.Headers[ReplayedHeader] = "true";
        if (stored.ContentType is not null)
        {
            context.Response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            context.Response.Headers.Location = stored.Location;
        }

        if (stored.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>SHA-256 of the method, the path with its query and the body; the body stays readable for the endpoint.</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
