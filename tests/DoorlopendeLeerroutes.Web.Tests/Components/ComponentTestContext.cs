using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>
/// Shared bUnit set-up (CONVENTIONS.md): loose JS interop, MudBlazor's services and a log that tests can read.
/// Register every service a test needs before its first render.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging(logging => logging.AddProvider(Log));
    }

    protected CapturingLoggerProvider Log { get; } = new();
}

/// <summary>Keeps every log message in memory, with its exception.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider._entries)
            {
                provider._entries.Add((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
