namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>Errors every feature can give, because they come from how a change is saved, not from a rule of one feature.</summary>
public static class CommonErrors
{
    /// <summary>The version the screen showed is no longer the stored one, or a simultaneous change came first.</summary>
    public static readonly DomainError ConcurrencyConflict = new(
        "concurrency.conflict",
        "Iemand anders heeft dit intussen gewijzigd. Je wijzigingen zijn niet opgeslagen; laad de gegevens opnieuw en probeer het nog eens.");
}
