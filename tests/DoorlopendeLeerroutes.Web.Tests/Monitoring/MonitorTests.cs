using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Application.Monitoring;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Monitoring;

/// <summary>
/// R-MON-3 through the real app on the demo data: the monitor is the count's own figures (one rule, one place), only for
/// administrators, exported as a workbook with one sheet per table, and every export is on record.
/// </summary>
public sealed class MonitorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchoolYear Counted => SchoolYears.LastCounted;

    [Fact]
    public async Task R_MON_3_the_monitor_counts_exactly_the_pupils_the_count_funds_on_the_demo()
    {
        var monitor = await (await app.ServiceAsAsync<MonitorQuery>(SignIn.Administrator)).ExecuteAsync(Counted, Ct);
        var count = await (await app.ServiceAsAsync<CountOverviewQuery>(SignIn.Administrator)).ExecuteAsync(Counted, Ct);

        // Every pupil the count funds (vo or mbo), and the "geen fase" pupils apart; the demo has both.
        Assert.Equal(count.Institutions.Sum(i => i.FundedAsVo + i.FundedAsMbo), monitor.Pupils);
        Assert.Equal(count.Pupils - monitor.Pupils, monitor.PupilsWithoutPhase);
        Assert.True(monitor.Pupils > 0 && monitor.PupilsWithoutPhase > 0, $"{monitor.Pupils} / {monitor.PupilsWithoutPhase}");
        foreach (var table in new IEnumerable<int>[]
                 {
                     monitor.PupilsPerType.Select(c => c.Count), monitor.PupilsPerSector.Select(c => c.Count),
                     monitor.PupilsPerTrack.Select(c => c.Count), monitor.PupilsPerLevel.Select(c => c.Count),
                     monitor.PupilsPerSchool.Select(s => s.Pupils), monitor.PupilsPerProvince.Select(p => p.Pupils),
                 })
        {
            Assert.Equal(monitor.Pupils, table.Sum());
        }

        // The demo's vo schools lie in real places (R-MON-1); every fifth demo pupil has no leerweg ("onbekend").
        Assert.All(monitor.PupilsPerSchool, s => Assert.NotNull(s.School.Province));
        Assert.True(monitor.PupilsPerTrack.Single(t => t.Key is null).Count > 0);
        Assert.True(monitor.RoutesRegistered >= monitor.Routes.Sum(r => r.Registered) && monitor.RoutesRegistered > 0);
    }

    [Fact]
    public async Task R_PRIV_2_administrator_exports_the_monitor_as_a_workbook_and_the_export_is_recorded()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);
        using var response = await client.GetAsync($"/beheer/monitor/{Counted}/export.xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"monitor-{Counted}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        await using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(
            ["Toelichting", "Leerroutes", "Routetype", "Sector", "Leerweg", "Niveau", "Vo-scholen", "Provincie"],
            MiniExcelLibs.MiniExcel.GetSheetNames(workbook));

        // The sheets hold the page's cells: the same report, table by table (header row first, total last).
        var report = await (await app.ServiceAsAsync<MonitorQuery>(SignIn.Administrator)).ExecuteAsync(Counted, Ct);
        foreach (var table in MonitorTables.Build(report))
        {
            workbook.Position = 0;
            var sheet = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false, sheetName: table.SheetName)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).ToArray())
                .ToList();
            Assert.Equal(table.Header, sheet[0]);
            Assert.Equal(table.Rows.Append(table.Total!), sheet.Skip(1));
        }

        // No pupil in the file: no nine-digit number and no demo pupil's name anywhere.
        workbook.Position = 0;
        var cells = MiniExcelLibs.MiniExcel.GetSheetNames(workbook).SelectMany(name =>
        {
            workbook.Position = 0;
            return MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>()
                .SelectMany(r => r.Values.Select(v => v?.ToString() ?? string.Empty));
        }).ToList();
        Assert.DoesNotContain(cells, c => System.Text.RegularExpressions.Regex.IsMatch(c, "\\d{9}"));
        await using var db = await app.OpenDbContextAsync();
        var surnames = await db.Pupils.Select(p => p.LastName).Distinct().ToListAsync(Ct);
        Assert.DoesNotContain(cells, c => surnames.Contains(c));

        var admin = await db.Users.SingleAsync(u => u.Email == SignIn.Administrator, Ct);
        var exported = await db.AuditLog.AsNoTracking()
            .Where(a => a.ActorUserId == admin.Id && a.Kind == AuditKind.MonitorExported).ToListAsync(Ct);
        var entry = Assert.Single(exported);
        Assert.Equal(Counted.ToString(), entry.Subject);
        Assert.Equal(8, entry.Count);
        Assert.Equal("Monitor geëxporteerd", AuditLabels.Describe(AuditKind.MonitorExported));
    }

    [Fact]
    public async Task R_ACCESS_1_coordinators_and_viewers_are_refused_the_monitor_its_export_and_the_query()
    {
        foreach (var email in new[] { SignIn.VoCoordinator, SignIn.MboViewer })
        {
            using var client = await app.SignedInClientAsync(email);
            foreach (var path in new[] { "/beheer/monitor", $"/beheer/monitor/{Counted}/export.xlsx" })
            {
                using var response = await client.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/geen-toegang", response.RedirectTarget(), StringComparison.Ordinal);
            }

            var query = await app.ServiceAsAsync<MonitorQuery>(email);
            await Assert.ThrowsAsync<AccessDeniedException>(() => query.ExecuteAsync(Counted, Ct));

            // Each refusal is on record (R-PRIV-2): the two requests and the direct call.
            await using var db = await app.OpenDbContextAsync();
            var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
            var refused = await db.AuditLog.AsNoTracking()
                .Where(a => a.ActorUserId == user.Id && a.Kind == AuditKind.AccessRefused && a.Detail!.Contains("/beheer/monitor"))
                .CountAsync(Ct);
            Assert.Equal(3, refused);
            Assert.False(await db.AuditLog.AnyAsync(a => a.ActorUserId == user.Id && a.Kind == AuditKind.MonitorExported, Ct));
        }
    }

    [Fact]
    public async Task R_MON_3_the_page_opens_for_the_administrator_with_its_tables_and_the_export_link()
    {
        using var client = await app.SignedInClientAsync(SignIn.Administrator);
        var html = await client.GetStringAsync("/beheer/monitor", Ct);
        var beheer = await client.GetStringAsync("/beheer", Ct);

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"monitor-pupils-sector\"", html, StringComparison.Ordinal);
        Assert.Contains($"beheer/monitor/{Counted}/export.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("href=\"beheer/monitor\"", beheer, StringComparison.Ordinal);
    }
}
