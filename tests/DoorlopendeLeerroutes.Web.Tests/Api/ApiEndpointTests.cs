using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DoorlopendeLeerroutes.Application.Auditing;
using DoorlopendeLeerroutes.Application.Pupils.Import;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Web.Api;
using DoorlopendeLeerroutes.Web.Tests.Pupils.Import;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Api;

/// <summary>
/// The API's endpoints through real HTTP with real tokens (issue 14): the allowed client gets its own institution's data,
/// another institution's client gets 404 and nothing of theirs (R-ACCESS-2), scopes are enforced, every refusal is a Dutch
/// problem, the import equals the page's, the look-up keeps the oracle rule (R-PRIV-1) and disclosures are recorded (R-PRIV-2).
/// </summary>
public sealed class ApiEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ImportKit _kit = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Api(string path) => ApiContract.BasePath + path;

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401_as_a_problem_with_the_version_header()
    {
        using var anonymous = app.AnonymousClient();
        var code = await CodeOfAsync("Zorg en welzijn vmbo-mbo");

        foreach (var (method, path) in new[]
                 {
                     ("GET", "/leerroutes"), ("GET", $"/leerroutes/{code}"), ("POST", $"/leerroutes/{code}/indienen"),
                     ("GET", $"/leerroutes/{code}/leerlingen"), ("POST", $"/leerroutes/{code}/leerling-imports"),
                     ("POST", "/bekostigingsfase-opzoeken"), ("GET", "/tellingen/2025-2026"), ("GET", "/tellingen/2025-2026/export"),
                     ("GET", $"/leerroutes/{code}/overeenkomsten/1"),
                 })
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), Api(path)), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ApiContract.Version, Assert.Single(response.Headers.GetValues(ApiEndpoints.VersionHeader)));
        }
    }

    [Fact]
    public async Task R_ACCESS_2_a_route_of_another_institution_is_404_and_absent_from_the_list()
    {
        var code = await CodeOfAsync("Zorg en welzijn vmbo-mbo");
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        using var groeneVallei = await app.ApiClientAsync(ApiClients.GroeneValleiVmbo);

        var own = await horizon.GetFromJsonAsync<JsonObject>(Api($"/leerroutes/{code}"), Ct);
        var ownList = await horizon.GetStringAsync(Api("/leerroutes?paginagrootte=200"), Ct);
        using var foreign = await groeneVallei.GetAsync(Api($"/leerroutes/{code}"), Ct);
        var foreignList = await groeneVallei.GetStringAsync(Api("/leerroutes?paginagrootte=200"), Ct);
        using var foreignPupils = await groeneVallei.GetAsync(Api($"/leerroutes/{code}/leerlingen"), Ct);
        using var foreignAgreement = await groeneVallei.GetAsync(Api($"/leerroutes/{code}/overeenkomsten/1"), Ct);

        Assert.Equal(code, own!["code"]!.GetValue<string>());
        Assert.Contains(code, ownList, StringComparison.Ordinal);
        await AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        await AssertProblemAsync(foreignPupils, HttpStatusCode.NotFound);
        await AssertProblemAsync(foreignAgreement, HttpStatusCode.NotFound);
        Assert.DoesNotContain(code, foreignList, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorg en welzijn", await foreign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_ACCESS_2_an_enrolment_of_another_institution_cannot_be_changed_and_is_404()
    {
        var route = await _kit.NewRouteAsync("Api-inschrijving");
        var number = ImportKit.NewNumber();
        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));
        var enrolment = (await _kit.EnrolmentsAsync(route)).Single().Enrolment;
        using var groeneVallei = await app.ApiClientAsync(ApiClients.GroeneValleiVmbo);
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        var phase = new { fase = "mbo", geldigVanaf = ImportKit.Start.AddDays(40).ToString("yyyy-MM-dd") };

        using var refused = await groeneVallei.PostAsJsonAsync(Api($"/inschrijvingen/{enrolment.Id}/fasen"), phase, Ct);
        using var allowed = await horizon.PostAsJsonAsync(Api($"/inschrijvingen/{enrolment.Id}/fasen"), phase, Ct);

        await AssertProblemAsync(refused, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        var stored = (await _kit.EnrolmentsAsync(route)).Single().Enrolment;
        Assert.Equal(2, stored.Phases.Count);
    }

    [Fact]
    public async Task A_client_without_the_scope_gets_403_as_a_problem()
    {
        var code = await CodeOfAsync("Zorg en welzijn vmbo-mbo");
        using var readOnly = await app.ApiClientAsync(ApiClients.Horizon, scope: ApiScopes.ReadRoutes);

        using var import = await readOnly.PostAsync(Api($"/leerroutes/{code}/leerling-imports?proef=true"), Csv(ImportKit.File()), Ct);
        using var register = await readOnly.PostAsJsonAsync(Api($"/leerroutes/{code}/registreren"), new { versie = Guid.Empty }, Ct);
        using var count = await readOnly.GetAsync(Api("/tellingen/2025-2026"), Ct);

        await AssertProblemAsync(import, HttpStatusCode.Forbidden);
        await AssertProblemAsync(register, HttpStatusCode.Forbidden);
        await AssertProblemAsync(count, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task R_MON_3_the_api_import_reads_the_leerweg_column_with_the_same_parser()
    {
        var route = await _kit.NewRouteAsync("Api-leerweg"); // a route from KB only
        var code = await CodeOfAsync(route);
        var number = ImportKit.NewNumber();
        const string header = ImportKit.Header + ";Leerweg";
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);

        using var wrong = await horizon.PostAsync(
            Api($"/leerroutes/{code}/leerling-imports?proef=true"), Csv(ImportKit.File(bom: true, header, ImportKit.Row(number) + ";BB")), Ct);
        using var stored = await horizon.PostAsync(
            Api($"/leerroutes/{code}/leerling-imports?proef=false"), Csv(ImportKit.File(bom: true, header, ImportKit.Row(number) + ";kb")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Leerweg", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var answer = JsonNode.Parse(await stored.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("kb", answer["regels"]![0]!["leerweg"]!.GetValue<string>());
        Assert.Equal(Domain.Routes.Track.KB, (await _kit.EnrolmentsAsync(route)).Single(e => e.Number == number).Enrolment.Track);
    }

    [Fact]
    public async Task Import_through_the_api_gives_the_pages_result_a_dry_run_stores_nothing_and_the_real_run_all()
    {
        var route = await _kit.NewRouteAsync("Api-import");
        var code = await CodeOfAsync(route);
        var file = ImportKit.File(
            ImportKit.Row(ImportKit.NewNumber(), lastName: "Berg", prefix: "van den", firstName: "Daan"),
            ImportKit.Row(ImportKit.NewNumber(), lastName: "Bakker", phase: "mbo"));
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        var page = await _kit.PreviewAsync(route, file);
        var before = await _kit.StoredAsync();

        using var dryRun = await horizon.PostAsync(Api($"/leerroutes/{code}/leerling-imports?proef=true"), Csv(file), Ct);
        var afterDryRun = await _kit.StoredAsync();
        using var realRun = await horizon.PostAsync(Api($"/leerroutes/{code}/leerling-imports?proef=false"), Csv(file), Ct);
        using var again = await horizon.PostAsync(Api($"/leerroutes/{code}/leerling-imports?proef=false"), Csv(file), Ct);

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var preview = JsonNode.Parse(await dryRun.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(before, afterDryRun); // the dry run stores nothing
        Assert.True(preview["proef"]!.GetValue<bool>());
        Assert.Equal(
            page.Lines.Select(l => (l.Line, l.MaskedNumber, l.Name, l.Status.ToString())),
            preview["regels"]!.AsArray().Select(r => (r!["regel"]!.GetValue<int>(), r["leerlingnummer"]!.GetValue<string>(),
                r["naam"]!.GetValue<string>(), r["status"]!.GetValue<string>().Replace("-", string.Empty, StringComparison.Ordinal))),
            new LooseStatus());
        Assert.Equal(page.Totals.New, preview["totalen"]!["nieuw"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, realRun.StatusCode);
        Assert.Equal((before.Pupils + 2, before.Enrolments + 2, before.Phases + 2), await _kit.StoredAsync());
        var repeated = JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(2, repeated["totalen"]!["ongewijzigd"]!.GetValue<int>()); // the same file again: every row unchanged
        Assert.Equal((before.Pupils + 2, before.Enrolments + 2, before.Phases + 2), await _kit.StoredAsync());
    }

    [Fact]
    public async Task A_refused_file_lists_the_pages_errors_with_line_and_column_and_stores_nothing()
    {
        var route = await _kit.NewRouteAsync("Api-fouten");
        var code = await CodeOfAsync(route);
        var file = ImportKit.File(ImportKit.Row(ImportKit.NewNumber()), ImportKit.Row("123", phase: "hbo"));
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        var page = await _kit.PreviewAsync(route, file);
        var before = await _kit.StoredAsync();

        using var response = await horizon.PostAsync(Api($"/leerroutes/{code}/leerling-imports?proef=false"), Csv(file), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            page.Errors.Select(e => (e.Line, e.Column, e.Code, e.Message)),
            problem["errors"]!.AsArray().Select(e => (e!["regel"]?.GetValue<int>(), e["kolom"]?.GetValue<string>(),
                e["code"]!.GetValue<string>(), e["melding"]!.GetValue<string>())));
        Assert.NotEmpty(page.Errors);
        Assert.Equal(before, await _kit.StoredAsync());
    }

    [Fact]
    public async Task R_PRIV_1_the_look_up_answers_an_unknown_and_a_foreign_number_alike_R_PRIV_2_and_records_the_own()
    {
        var route = await _kit.NewRouteAsync("Api-opzoeken");
        var number = ImportKit.NewNumber();
        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number)));
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        using var groeneVallei = await app.ApiClientAsync(ApiClients.GroeneValleiVmbo);

        using var foreign = await groeneVallei.PostAsJsonAsync(Api("/bekostigingsfase-opzoeken"), new { leerlingnummer = number }, Ct);
        using var unknown = await groeneVallei.PostAsJsonAsync(Api("/bekostigingsfase-opzoeken"), new { leerlingnummer = ImportKit.NewNumber() }, Ct);
        using var own = await horizon.PostAsJsonAsync(Api("/bekostigingsfase-opzoeken"), new { leerlingnummer = number }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(Ct), await foreign.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var answer = await own.Content.ReadAsStringAsync(Ct);
        Assert.Contains("*****" + number[^4..], answer, StringComparison.Ordinal);
        Assert.DoesNotContain(number, answer, StringComparison.Ordinal); // masked, as on the page

        var enrolment = (await _kit.EnrolmentsAsync(route)).Single().Enrolment;
        await using var db = await app.OpenDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Kind == AuditKind.FundingPhaseLookedUp && a.PupilId == enrolment.PupilId, Ct));
    }

    [Fact]
    public async Task R_PRIV_2_the_count_export_is_csv_and_recorded_and_another_institution_sees_nothing_of_it()
    {
        var route = await _kit.NewRouteAsync("Api-telling");
        var number = ImportKit.NewNumber();
        await _kit.ImportAsync(route, ImportKit.File(ImportKit.Row(number, lastName: "Telling")));
        var year = SchoolYear.Containing(ImportKit.Start).ToString();
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        using var groeneVallei = await app.ApiClientAsync(ApiClients.GroeneValleiVmbo);
        await using var before = await app.OpenDbContextAsync();
        var exportsBefore = await before.AuditLog.CountAsync(a => a.Kind == AuditKind.CountExported, Ct);

        using var export = await horizon.GetAsync(Api($"/tellingen/{year}/export"), Ct);
        var ownCount = await horizon.GetStringAsync(Api($"/tellingen/{year}?paginagrootte=200"), Ct);
        var foreignCount = await groeneVallei.GetStringAsync(Api($"/tellingen/{year}?paginagrootte=200"), Ct);
        using var foreignExport = await groeneVallei.GetAsync(Api($"/tellingen/{year}/export"), Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("Schooljaar;Teldatum;Route", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(number, csv, StringComparison.Ordinal); // the export holds full numbers (docs/formats.md §2)
        Assert.Contains("Vakcollege De Horizon", ownCount, StringComparison.Ordinal);
        Assert.DoesNotContain(number, ownCount, StringComparison.Ordinal); // the JSON rows carry masked numbers, as the page
        Assert.DoesNotContain("Telling", foreignCount, StringComparison.Ordinal);
        Assert.DoesNotContain("Vakcollege De Horizon", foreignCount, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await foreignExport.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var after = await app.OpenDbContextAsync();
        Assert.Equal(exportsBefore + 2, await after.AuditLog.CountAsync(a => a.Kind == AuditKind.CountExported, Ct));
    }

    [Fact]
    public async Task Registry_registers_a_submitted_route_and_an_institution_client_may_not()
    {
        var workflow = new Routes.RouteWorkflow(app);
        var route = await workflow.CreateAsync($"Api-register {Guid.NewGuid().ToString("N")[..8]}");
        await workflow.ReadyAndSubmitAsync(route);
        var code = await CodeOfAsync(route);
        using var horizon = await app.ApiClientAsync(ApiClients.Horizon);
        using var registry = await app.ApiClientAsync(ApiClients.Registry);
        var details = await registry.GetFromJsonAsync<JsonObject>(Api($"/leerroutes/{code}"), Ct);
        var version = details!["versie"]!.GetValue<Guid>();

        using var byInstitution = await horizon.PostAsJsonAsync(Api($"/leerroutes/{code}/registreren"), new { versie = version }, Ct);
        using var stale = await registry.PostAsJsonAsync(Api($"/leerroutes/{code}/registreren"), new { versie = Guid.NewGuid() }, Ct);
        using var registered = await registry.PostAsJsonAsync(Api($"/leerroutes/{code}/registreren"), new { versie = version }, Ct);

        await AssertProblemAsync(byInstitution, HttpStatusCode.Forbidden);
        await AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("registered", JsonNode.Parse(await registered.Content.ReadAsStringAsync(Ct))!["status"]!.GetValue<string>());
    }

    private static ByteArrayContent Csv(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    private static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiProblems.ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        return problem;
    }

    private async Task<string> CodeOfAsync(string routeName)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Routes.Where(r => r.Definition.Name == routeName).Select(r => r.Code).FirstAsync(Ct);
    }

    private async Task<string> CodeOfAsync(Guid routeId)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Routes.Where(r => r.Id == routeId).Select(r => r.Code).SingleAsync(Ct);
    }

    /// <summary>Compares (line, number, name, status) with the status names case-insensitively (PhaseChange vs phase-change).</summary>
    private sealed class LooseStatus : IEqualityComparer<(int, string, string, string)>
    {
        public bool Equals((int, string, string, string) x, (int, string, string, string) y) =>
            (x.Item1, x.Item2, x.Item3) == (y.Item1, y.Item2, y.Item3) && string.Equals(x.Item4, y.Item4, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((int, string, string, string) obj) => obj.Item1;
    }
}
