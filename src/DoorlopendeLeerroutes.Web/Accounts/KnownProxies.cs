using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DoorlopendeLeerroutes.Web.Accounts;

/// <summary>
/// Trusts X-Forwarded-For/-Proto only from the proxies named in <c>ReverseProxy:KnownProxies</c> (comma-separated
/// addresses). Without it the app uses the connection itself, which is right when it is reached directly.
/// </summary>
public static class KnownProxies
{
    public static IApplicationBuilder UseKnownProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = (configuration["ReverseProxy:KnownProxies"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPAddress.Parse)
            .ToList();
        if (proxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        return app.UseForwardedHeaders(options);
    }
}
