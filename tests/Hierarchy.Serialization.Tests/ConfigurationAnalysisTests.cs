using Hierarchy.Serialization.Tests.Support;
using Hierarchy.Serialization.Tests.Unserializable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using Xunit.Abstractions;

namespace Hierarchy.Serialization.Tests;

/// <summary>
/// The silo sets <see cref="TypeManifestOptions.EnableConfigurationAnalysis"/> so that a type crossing a grain
/// interface without a generated codec stops it at start, in Production too, instead of failing at its first call.
/// This assembly carries such an interface (<see cref="IUnserializableGrain"/>); Orleans finds it on its own.
/// </summary>
public sealed class ConfigurationAnalysisTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_grain_interface_with_a_type_without_a_codec_stops_the_silo_at_start()
    {
        await using var server = ProductionServer.Build();
        Assert.True(server.App.Environment.IsProduction());

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => server.App.StartAsync());
        output.WriteLine(thrown.ToString());

        var analysis = Assert.IsType<OrleansConfigurationException>(Unwrap(thrown));
        Assert.Contains(typeof(UnserializablePayload).FullName!, analysis.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IUnserializableGrain.EchoAsync), analysis.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_silo_without_that_interface_starts()
    {
        await using var server = ProductionServer.Build(builder =>
            builder.Services.ExcludeFromTypeManifest(typeof(IUnserializableGrain).Assembly));

        await server.App.StartAsync();
        await server.App.StopAsync();
    }

    [Fact]
    public async Task Without_the_analysis_Production_starts_and_fails_only_when_the_grain_is_first_used()
    {
        // After AddSiloCore, so that it overrides the silo's setting: off, which is what Orleans does in Production unless told.
        await using var server = ProductionServer.Build(builder =>
            builder.Services.Configure<TypeManifestOptions>(options => options.EnableConfigurationAnalysis = false));

        await server.App.StartAsync();

        // The grain reference's generated proxy asks for the copier when it is made, so the first use throws
        // already at GetGrain, before any message is sent.
        var grains = server.App.Services.GetRequiredService<IGrainFactory>();
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => grains.GetGrain<IUnserializableGrain>(0).EchoAsync(new UnserializablePayload("x")));
        output.WriteLine(thrown.ToString());

        var missing = Assert.IsType<CodecNotFoundException>(Unwrap(thrown));
        Assert.Contains(typeof(UnserializablePayload).FullName!, missing.Message, StringComparison.Ordinal);
        await server.App.StopAsync();
    }

    // The host may wrap what a hosted service threw; what matters is the exception Orleans raised.
    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };
}
