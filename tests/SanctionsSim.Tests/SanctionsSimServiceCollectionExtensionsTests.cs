using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests;

public class SanctionsSimServiceCollectionExtensionsTests
{
    [Test]
    public void AddSanctionsSim_ResolvesAConfiguredRunnerAndScenarioRunner()
    {
        using var provider = new ServiceCollection().AddSanctionsSim(o => { o.Replications = 40; o.Seed = 9; }).BuildServiceProvider();
        var runner = provider.GetRequiredService<MonteCarloRunner>();
        runner.Replications.ShouldBe(40);
        runner.Seed.ShouldBe(9UL);
        var service = provider.GetRequiredService<ScenarioRunner>();
        var result = service.Run(Presets.Get(Presets.Default));
        result.Replications.ShouldBe(40);
        service.Structure.ShouldBeSameAs(SanctionsSim.Calibration.Posterior.Default, "honest by default: the container's runner draws the structure from the shipped posterior");
        provider.GetRequiredService<ScenarioRunner>().ShouldBeSameAs(service);
    }

    [Test]
    public void AddSanctionsSim_KeepsARunnerRegisteredBefore_ForAFixedStructure()
    {
        using var provider = new ServiceCollection().AddSingleton(ScenarioRunner.WithFixedStructure(new MonteCarloOptions { Replications = 20 })).AddSanctionsSim().BuildServiceProvider();
        provider.GetRequiredService<ScenarioRunner>().Structure.ShouldBeNull();
    }

    [Test]
    public void AddSanctionsSim_CalledTwice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection().AddSanctionsSim(o => o.Replications = 10).AddSanctionsSim(o => o.Seed = 5);
        services.Count(d => d.ServiceType == typeof(MonteCarloRunner)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<MonteCarloOptions>)).ShouldBe(1);
        using var provider = services.BuildServiceProvider();
        var runner = provider.GetRequiredService<MonteCarloRunner>();
        runner.Replications.ShouldBe(10);
        runner.Seed.ShouldBe(5UL);
    }

    [Test]
    public void AddSanctionsSim_InvalidOptions_FailWhenResolved()
    {
        using var provider = new ServiceCollection().AddSanctionsSim(o => o.Replications = 0).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<MonteCarloRunner>()).Message.ShouldContain("Replications");
    }

    [Test]
    public void AddSanctionsSim_NullServices_Throws()
        => Should.Throw<ArgumentNullException>(() => SanctionsSimServiceCollectionExtensions.AddSanctionsSim(null!));
}
