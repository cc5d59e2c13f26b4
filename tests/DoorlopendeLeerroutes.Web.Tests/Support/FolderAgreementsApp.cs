namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>The app with agreement PDFs in a folder (<c>Storage:Agreements:Provider</c> = <c>Folder</c>), whose files a test can look at.</summary>
public sealed class FolderAgreementsApp : AppFactory
{
    protected override string AgreementStorage => "Folder";
}
