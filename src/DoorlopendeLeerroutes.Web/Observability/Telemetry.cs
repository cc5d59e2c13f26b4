using DoorlopendeLeerroutes.Application.Common;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DoorlopendeLeerroutes.Web.Observability;

/// <summary>
/// OpenTelemetry traces and metrics (issue 17), exported by OTLP only when an endpoint is configured:
/// <c>OpenTelemetry:Otlp:Endpoint</c> (with <c>OpenTelemetry:Otlp:Protocol</c> <c>grpc</c>, the default, or
/// <c>http/protobuf</c>), or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other <c>OTEL_*</c> variables).
/// Without either, no OpenTelemetry service is registered at all: no listener, nothing collected, nothing sent.
/// What is exported: requests (ASP.NET Core, with <c>http.server.request.duration</c>), outgoing HTTP calls, and the app's
/// own source and meter (<see cref="AppTelemetry"/>: count, import, circuits).
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OpenTelemetry:Otlp:Endpoint";
    public const string ProtocolKey = "OpenTelemetry:Otlp:Protocol";
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "doorlopende-leerroutes";

    /// <summary>Whether an OTLP endpoint is configured (the app's own key or the standard environment variable).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointKey]) || !string.IsNullOrWhiteSpace(configuration[StandardEndpointKey]);

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Counted whether or not anything is exported: adding to an instrument nobody listens to is a flag check.
        services.AddScoped<CircuitHandler, OpenCircuits>();
        if (!IsConfigured(configuration))
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                                                && !context.Request.Path.StartsWithSegments("/_framework"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AppTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter(); // reads OTEL_EXPORTER_OTLP_* itself
        }
        else
        {
            var protocol = string.Equals(configuration[ProtocolKey], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }

        return services;
    }
}

/// <summary>Counts the circuits (open interactive pages) of this instance as <c>dlr.circuits.open</c>.</summary>
public sealed class OpenCircuits : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        AppTelemetry.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        AppTelemetry.CircuitClosed();
        return Task.CompletedTask;
    }
}
