namespace DoorlopendeLeerroutes.Application.Agreements;

/// <summary>Errors of the agreement upload that are not rules of the domain (those are in <see cref="DomainErrors.Agreement"/>).</summary>
public static class AgreementErrors
{
    public static readonly DomainError FileRequired = new("agreement.file.required", "Kies het pdf-bestand van de overeenkomst.");

    public static readonly DomainError SignedOnRequired = new("agreement.signed_on.required", "Vul de datum van ondertekening in.");

    public static readonly DomainError SignaturesNotConfirmed = new(
        "agreement.signatures.not_confirmed",
        "Bevestig dat het bevoegd gezag van elke partner de overeenkomst heeft ondertekend.");

    /// <summary>The result an upload has until it completes (an exception in between leaves it).</summary>
    public static readonly DomainError Interrupted = new("agreement.upload.interrupted", "Het uploaden is onderbroken. Probeer het opnieuw.");
}
