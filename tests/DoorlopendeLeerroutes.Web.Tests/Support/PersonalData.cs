using System.Text.RegularExpressions;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>Patterns that betray personal data in text that should hold none (logs, file names).</summary>
public static partial class PersonalData
{
    /// <summary>Any 9-digit run that is not part of a longer number or identifier looks like a BSN or onderwijsnummer.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")]
    public static partial Regex NineDigits();
}
