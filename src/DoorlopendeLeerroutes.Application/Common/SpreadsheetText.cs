namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>
/// Formula injection (OWASP "CSV injection"): a spreadsheet reads a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return as a formula. One definition for every export (CSV and Excel), each of which
/// neutralises such a cell in its own way.
/// </summary>
public static class SpreadsheetText
{
    public static bool IsFormulaLike(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
