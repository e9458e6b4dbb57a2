using System.CommandLine;
using Orleans.Runtime;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Hosting;

namespace Hierarchy.Silo.Commands;

/// <summary><c>serve</c> (the default): the HTTP API, the live streams and the dashboard, on the configured storage.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the silo: HTTP API, live streams and dashboard (the default command).");
        AddOptions(command);
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>The serve options, on <c>serve</c> and on the root command (which serves when given no sub-command).</summary>
    public static void AddOptions(Command command)
    {
        var demo = new Option<string?>("--demo")
        {
            Description = "What an empty database is filled with at start: province (default), country, or off.",
        };
        demo.AcceptOnlyFromAmong("province", "country", "off");
        command.Options.Add(new Option<string?>("--urls")
        {
            Description = "Addresses to listen on, as ASP.NET Core takes them (default http://localhost:5000).",
        });
        command.Options.Add(demo);
        command.Options.Add(new Option<string?>("--demo-province")
        {
            Description = "The province of a one-province demo (default 48, Đà Nẵng).",
            HelpName = "ID",
        });
        var catalogue = new Option<string?>("--demo-catalogue")
        {
            Description = "The catalogue the demo is built on: dvhcvn (before the 2025 reform, the default) or 2025 (after it).",
        };
        catalogue.AcceptOnlyFromAmong(CatalogueLocator.BeforeReform, CatalogueLocator.AfterReform);
        command.Options.Add(catalogue);
        command.TreatUnmatchedTokensAsErrors = false;
    }

    public static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (ConfigurationArguments.Invalid(parse) is { } bad)
        {
            Console.Error.WriteLine($"error: unrecognized argument '{bad}' (settings go as --Section:Key=value; see --help)");
            return CommandRunner.Usage;
        }

        var extra = new List<string>();
        if (parse.GetValue<string?>("--urls") is { Length: > 0 } urls)
        {
            extra.Add($"--urls={urls}");
        }

        switch (parse.GetValue<string?>("--demo"))
        {
            case "off":
                extra.Add("--Demo:Enabled=false");
                break;
            case { } scope:
                extra.Add($"--Demo:Scope={scope}");
                break;
        }

        if (parse.GetValue<string?>("--demo-province") is { Length: > 0 } province)
        {
            extra.Add($"--Demo:Province={province}");
        }

        if (parse.GetValue<string?>("--demo-catalogue") is { Length: > 0 } catalogue)
        {
            extra.Add($"--Demo:Catalogue={catalogue}");
        }

        try
        {
            var app = SiloApplication.BuildServer(ConfigurationArguments.From(parse, [.. extra]));
            await app.RunAsync();
            return CommandRunner.Ok;
        }
        catch (SiloConfigurationException e)
        {
            return CommandRunner.Fail(e.Message);
        }
        catch (Exception e) when (e.InnerException is SiloConfigurationException inner)
        {
            return CommandRunner.Fail(inner.Message);
        }
        catch (OrleansConfigurationException e)
        {
            // A build whose grain interfaces use a type without a codec, say: the message names the type.
            return CommandRunner.Fail(e.Message.ReplaceLineEndings(" "));
        }
    }
}
