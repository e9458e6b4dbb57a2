using Hierarchy.Silo.Commands;

return await SiloCommandLine.RunAsync(args);

/// <summary>The entry point; public so that tests can host the silo with WebApplicationFactory.</summary>
public partial class Program;
