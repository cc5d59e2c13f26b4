using System.Text.RegularExpressions;

namespace DoorlopendeLeerroutes.Application.Tests.Architecture;

/// <summary>
/// CONVENTIONS.md: time comes from <see cref="TimeProvider"/>, so tests can set it (MovableClock) and every "today" is
/// the same one. A scan of the source, since a property read of the system clock leaves no trace a type check can see
/// reliably in Razor's generated code.
/// </summary>
public sealed partial class ClockTests
{
    [Fact]
    public void No_source_file_reads_the_system_clock()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !IsGeneratedOrMigration(Path.GetRelativePath(src, f)))
            .ToList();

        var offenders =
            from file in files
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            where SystemClock().IsMatch(line.Text)
            select $"{Path.GetRelativePath(src, file)}:{line.Number}: {line.Text.Trim()}";

        Assert.True(files.Count > 100, $"Only {files.Count} source files found under {src}."); // the scan looks at something
        Assert.Empty(offenders);
    }

    private static bool IsGeneratedOrMigration(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Migrations")
               || parts[0].StartsWith("DoorlopendeLeerroutes.Migrations.", StringComparison.Ordinal);
    }

    /// <summary>The test's folder is tests/X/bin/…; the repository root is where the solution file is.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DoorlopendeLeerroutes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("DoorlopendeLeerroutes.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b")]
    private static partial Regex SystemClock();
}
