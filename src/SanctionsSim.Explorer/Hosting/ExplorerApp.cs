using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SanctionsSim.Explorer.Estimates;
using SanctionsSim.Explorer.Export;
using SanctionsSim.Explorer.Packages;
using SanctionsSim.Explorer.Story;
using SanctionsSim.Model;

namespace SanctionsSim.Explorer.Hosting;

/// <summary>The explorer's services, pipeline and routes, shared by the server and the tests' hosts.</summary>
public static class ExplorerApp
{
    /// <summary>Registers the explorer's services: its options and the gate that bounds each request's work.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The explorer's options (validated here).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddExplorer(this IServiceCollection services, ExplorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<WorkGate>();
        services.AddRouting();
        // a page on this machine only: a request naming another host (DNS rebinding) is refused
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", options.Host]);
        return services;
    }

    /// <summary>The pipeline: host filtering, then the page and the API routes.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseExplorer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHostFiltering();
        app.UseRouting();
        app.UseEndpoints(MapRoutes);
        return app;
    }

    private static void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => PageAssets.Serve("index.html"));
        routes.MapGet("/app.js", () => PageAssets.Serve("app.js"));
        routes.MapGet("/app.css", () => PageAssets.Serve("app.css"));
        routes.MapGet("/api/presets", (ExplorerOptions o) => ScenarioEndpoints.Presets(o));
        routes.MapPost("/api/scenario", (HttpContext http, ExplorerOptions o) => Guarded(http, () => ScenarioEndpoints.LoadAsync(http, o)));
        routes.MapPost("/api/estimate", (HttpContext http, ExplorerOptions o, WorkGate g) => Guarded(http, async () =>
        {
            await EstimateEndpoint.HandleAsync(http, o, g).ConfigureAwait(false);
            return Results.Empty;
        }));
        routes.MapPost("/api/story", (HttpContext http, ExplorerOptions o, WorkGate g) => Guarded(http, () => StoryEndpoint.HandleAsync(http, o, g)));
        routes.MapPost("/api/export/scenario", (HttpContext http, ExplorerOptions o) => Guarded(http, () => ExportEndpoints.ScenarioAsync(http, o)));
        routes.MapPost("/api/export/report", (HttpContext http, ExplorerOptions o, WorkGate g) => Guarded(http, () => ExportEndpoints.ReportAsync(http, o, g)));
    }

    /// <summary>Runs a handler; a refused input is a 400 with its message, a page that went away ends quietly.</summary>
    private static async Task<IResult> Guarded(HttpContext http, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InputException or ScenarioValidationException)
        {
            return http.Response.HasStarted ? Results.Empty : Results.Json(new JsonObject { ["error"] = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
    }
}
