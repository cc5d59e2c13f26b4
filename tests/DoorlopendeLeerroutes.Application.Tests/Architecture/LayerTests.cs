using System.Reflection;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace DoorlopendeLeerroutes.Application.Tests.Architecture;

/// <summary>
/// CONVENTIONS.md: dependencies point inward (Web → Application → Domain; Infrastructure → Application/Domain), the
/// domain depends on nothing, and no component talks to the database itself.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "DoorlopendeLeerroutes";

    private static readonly Assembly Domain = typeof(DoorlopendeLeerroutes.Domain.Common.Result).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(ICurrentUser).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_references_no_other_project_and_no_package()
    {
        // Only the framework itself: any other assembly is a project or a package.
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !IsFramework(n)).ToList();
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny($"{Root}.Application", $"{Root}.Infrastructure", $"{Root}.Web", "Microsoft", "FluentValidation")
            .GetResult();

        Assert.Empty(references);
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Application_references_neither_Infrastructure_nor_Web_nor_ASP_NET_Core()
    {
        string[] forbidden = [$"{Root}.Infrastructure", $"{Root}.Web", $"{Root}.Migrations", "Microsoft.AspNetCore"];
        var references = ApplicationLayer.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal))).ToList();
        var result = Types.InAssembly(ApplicationLayer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.Empty(references);
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void No_component_injects_a_DbContext()
    {
        var components = Web.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t)).ToList();
        var offenders =
            from component in components
            from property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            where property.GetCustomAttribute<InjectAttribute>() is not null && IsDbContext(property.PropertyType)
            select $"{component.FullName}.{property.Name}";
        var viaConstructor =
            from component in components
            from constructor in component.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            from parameter in constructor.GetParameters()
            where IsDbContext(parameter.ParameterType)
            select $"{component.FullName}({parameter.Name})";

        Assert.True(components.Count > 20, "The Web assembly's components were not found."); // the check looks at something
        Assert.Empty(offenders.Concat(viaConstructor));
    }

    private static bool IsDbContext(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || typeof(IApplicationDbContext).IsAssignableFrom(type)
        || type == typeof(AppDbContext);

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal);

    private static string Failing(NetArchTest.Rules.TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
