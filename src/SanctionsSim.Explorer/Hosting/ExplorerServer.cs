using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SanctionsSim.Explorer.Hosting;

/// <summary>The explorer served by Kestrel on <see cref="ExplorerOptions.Host"/>:<see cref="ExplorerOptions.Port"/> (127.0.0.1 by default: this machine only).</summary>
public sealed class ExplorerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExplorerServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, with the port actually bound (useful with port 0).</summary>
    public Uri Url { get; }

    /// <summary>Starts the server.</summary>
    /// <param name="options">The options (validated).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<ExplorerServer> StartAsync(ExplorerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = (options.MaxScenarioBytes * 2L) + 65536;
            k.Listen(System.Net.IPAddress.Parse(options.Host == "localhost" ? "127.0.0.1" : options.Host), options.Port);
        });
        builder.Services.AddExplorer(options);
        WebApplication app = builder.Build();
        app.UseExplorer();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ExplorerServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> fires, then stops.</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that ends when the server has stopped.</returns>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
