namespace DoorlopendeLeerroutes.Application.Tests.Pupils.Import;

/// <summary>Import files for tests that read them without the app: <see cref="ImportCsv"/> with a fixed start date.</summary>
internal static class CsvFile
{
    public const string Header = ImportCsv.Header;

    /// <summary>Valid pupil numbers; none of them is in a database here.</summary>
    public static readonly string[] Numbers = [.. Enumerable.Range(900_000, 1000).Select(ImportCsv.PupilNumber).OfType<string>().Take(20)];

    /// <summary>A fixed start date, so these tests never depend on today.</summary>
    public static DateOnly Start => new(2025, 9, 16);

    public static string Date(DateOnly date) => ImportCsv.Date(date);

    public static string Row(
        string number, string lastName = "Jansen", string prefix = "", string firstName = "Sanne", string? birthDate = null,
        string? startDate = null, string phase = "vo", string phaseFrom = "") =>
        ImportCsv.Row(Start, number, lastName, prefix, firstName, birthDate, startDate, phase, phaseFrom);

    public static byte[] File(params string[] lines) => ImportCsv.File(bom: true, Header, lines);

    public static byte[] File(bool bom, string header, params string[] lines) => ImportCsv.File(bom, header, lines);
}
