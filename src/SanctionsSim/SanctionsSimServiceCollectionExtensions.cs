using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim;

/// <summary>Registers SanctionsSim with a Microsoft.Extensions.DependencyInjection container.</summary>
/// <remarks>The library does not need a container: every service registered here can be constructed directly.</remarks>
public static class SanctionsSimServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MonteCarloOptions"/> (options pattern, validated when first read) and a
    /// <see cref="ScenarioRunner"/> on them, both singletons (with the engine's runner, internal). Safe to call more than
    /// once: registrations use <c>TryAdd</c>, and each call's <paramref name="configure"/> is applied in order. The
    /// runner draws each replication's structure from the shipped posterior; to fix it, register
    /// <c>ScenarioRunner.WithFixedStructure(options)</c> (or a runner on your own posterior) before this call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of the Monte Carlo options.</param>
    /// <returns>The same collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddSanctionsSim(this IServiceCollection services, Action<MonteCarloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<MonteCarloOptions> options = services.AddOptions<MonteCarloOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MonteCarloOptions>, MonteCarloOptionsValidator>());
        services.TryAddSingleton(sp => new MonteCarloRunner(sp.GetRequiredService<IOptions<MonteCarloOptions>>().Value));
        services.TryAddSingleton(sp => new ScenarioRunner(sp.GetRequiredService<MonteCarloRunner>(), Calibration.Posterior.Default));
        return services;
    }

    /// <summary>Validates <see cref="MonteCarloOptions"/> for the options pattern (the same rules as <see cref="MonteCarloRunner.Validate"/>).</summary>
    private sealed class MonteCarloOptionsValidator : IValidateOptions<MonteCarloOptions>
    {
        public ValidateOptionsResult Validate(string? name, MonteCarloOptions options)
        {
            try
            {
                MonteCarloRunner.Validate(options);
                return ValidateOptionsResult.Success;
            }
            catch (Validation.InvalidInputException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
