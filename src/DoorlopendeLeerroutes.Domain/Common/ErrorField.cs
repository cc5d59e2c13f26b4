namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// The input a rule is about (<see cref="DomainError.Field"/>), named as the form models name their properties, so a
/// form or the import puts a domain error at its field through the error itself.
/// </summary>
public static class ErrorField
{
    public const string Name = "Name";
    public const string Type = "Type";
    public const string Profile = "Profile";
    public const string Tracks = "Tracks";
    public const string Crebo = "Crebo";
    public const string TrainingDomain = "TrainingDomain";

    /// <summary>The mbo target as a whole: a crebo code or a training domain, whichever the form shows.</summary>
    public const string Target = "Target";
    public const string Level = "Level";
    public const string EntryYear = "EntryYear";
    public const string Location = "Location";
    public const string SchoolYear = "SchoolYear";

    public const string PupilNumber = "PupilNumber";
    public const string LastName = "LastName";
    public const string Prefix = "Prefix";
    public const string FirstName = "FirstName";
    public const string BirthDate = "BirthDate";
    public const string StartDate = "StartDate";
    public const string Phase = "Phase";
    public const string ValidFrom = "ValidFrom";
    public const string EndDate = "EndDate";
    public const string Outcome = "Outcome";
    public const string Note = "Note";
    public const string RioReportedOn = "RioReportedOn";
}
