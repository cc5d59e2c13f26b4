using System.Security.Claims;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Web.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Issue 13: a provider's configuration is checked at start-up, and its claims are read by its mapping only.</summary>
public sealed class ExternalProviderConfigurationTests
{
    private static ExternalProviderSettings Entree() => new()
    {
        DisplayName = "Entree Federatie", Authority = "https://entree.example/", ClientId = "dlr",
        Claims = new ExternalClaimMapping { Institution = "nlEduPersonHomeOrganizationId", InstitutionKind = InstitutionClaimKind.Brin },
        JustInTimeAccounts = true, MultiFactorAmr = ["mfa"], MultiFactorAcr = ["urn:mace:surf.nl:assurance:strong"],
    };

    [Fact]
    public void A_missing_authority_or_client_id_is_a_clear_start_up_problem()
    {
        var options = new ExternalProvidersOptions
        {
            Providers =
            {
                ["Entree"] = Entree(),
                ["Surf"] = new ExternalProviderSettings { DisplayName = "SURFconext", Authority = "http://surf.example/" },
                ["Leeg"] = new ExternalProviderSettings { JustInTimeAccounts = true },
            },
        };

        var problems = ExternalProviders.Problems(options);

        Assert.Contains("Authentication:Providers:Surf:Authority ontbreekt of is geen https-adres.", problems);
        Assert.Contains("Authentication:Providers:Surf:ClientId ontbreekt.", problems);
        Assert.Contains("Authentication:Providers:Leeg:DisplayName ontbreekt (de naam op de knop \"Inloggen met …\").", problems);
        Assert.Contains(problems, p => p.StartsWith("Authentication:Providers:Leeg:Claims:Institution ontbreekt", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(":Entree", StringComparison.Ordinal));
        Assert.Empty(ExternalProviders.Problems(new ExternalProvidersOptions())); // none configured: as before
    }

    [Fact]
    public async Task The_app_does_not_start_with_a_provider_without_authority()
    {
        await using var app = new BrokenProviderApp();

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Authentication:Providers:Kapot:Authority ontbreekt", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "pwd" }, null, false)]
    [InlineData(new[] { "pwd", "mfa" }, null, true)]
    [InlineData(new[] { "pwd" }, "urn:mace:surf.nl:assurance:strong", true)]
    [InlineData(new string[0], "urn:mace:surf.nl:assurance:basic", false)]
    public void R_AUTH_2_the_providers_amr_or_acr_counts_as_two_factors_only_as_configured(string[] amr, string? acr, bool multiFactor)
    {
        var provider = new ExternalProvider("Entree", Entree());
        var claims = amr.Select(v => new Claim("amr", v)).Append(new Claim("sub", "s1"));
        if (acr is not null)
        {
            claims = claims.Append(new Claim("acr", acr));
        }

        var identity = provider.Read(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));

        Assert.Equal(multiFactor, identity.MultiFactor);
    }

    [Fact]
    public void R_AUTH_1_claims_are_read_by_the_mapping_and_roles_are_never_read()
    {
        var provider = new ExternalProvider("Entree", Entree());
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim("sub", "s1"), new Claim("email", "docent@horizon.example"), new Claim("email_verified", "True"),
                new Claim("name", "Docent"), new Claim("nlEduPersonHomeOrganizationId", "05KO"),
                new Claim(ClaimTypes.Role, "Administrator"), new Claim("role", "Administrator"),
            ],
            "test"));

        var identity = provider.Read(principal);

        Assert.Equal(
            new ExternalIdentity("Entree", "Entree Federatie", "s1", "docent@horizon.example", true, "Docent", "05KO",
                InstitutionClaimKind.Brin, JustInTimeAccounts: true, MultiFactor: false),
            identity);
        Assert.Equal("/account/extern/entree?ReturnUrl=%2Fleerroutes", provider.StartPath("/leerroutes"));
        Assert.Equal("/account/extern/entree", provider.StartPath("https://kwaadaardig.example/"));
        Assert.Equal("/signin-oidc-entree", provider.CallbackPath);
    }

    /// <summary>The app with a provider that lacks its authority: start-up must fail with the reason.</summary>
    private sealed class BrokenProviderApp : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, configuration) =>
                Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(configuration, new Dictionary<string, string?>
                {
                    ["Authentication:Providers:Kapot:DisplayName"] = "Kapot",
                    ["Authentication:Providers:Kapot:ClientId"] = "dlr",
                }));
        }
    }
}
