using System.Net;
using Hierarchy.Silo.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hierarchy.Silo.Tests.Api;

/// <summary>The entry point stays usable by WebApplicationFactory (the command line serves by default).</summary>
public sealed class WebApplicationFactoryTests
{
    [Fact]
    public async Task Program_hosts_in_WebApplicationFactory()
    {
        var path = TestStorage.NewSqlitePath();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Storage:Sqlite:Path", path)
            .UseSetting("Demo:Enabled", "false")
            .UseSetting("Demo:Simulator:Enabled", "false")
            .UseSetting("Silo:Banner", "false"));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        HttpClient client;
        try
        {
            client = factory.CreateClient();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("stderr: " + error, e);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/units/48")).StatusCode);
        Assert.True(File.Exists(path), "the factory's settings reach the storage configuration");
    }
}
