using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Hierarchy.Storage.Internal;

/// <summary>Loads the dialect's SQL from the embedded <c>Sql/&lt;dialect&gt;/*.sql</c> files.</summary>
internal static class SqlScripts
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string dialect, string name) =>
        Cache.GetOrAdd($"Sql/{dialect}/{name}.sql", Load);

    /// <summary>The dialect's migrations in version order; the version is the file name's numeric prefix.</summary>
    public static IReadOnlyList<Migration> Migrations(string dialect)
    {
        var prefix = $"Sql/{dialect}/Migrations/";
        var migrations = new List<Migration>();
        foreach (var resource in Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var digits = name.Split('_', 2)[0];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
            {
                throw new InvalidOperationException($"Migration '{resource}' does not start with a positive version number.");
            }

            migrations.Add(new Migration(version, name, Load(resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two {dialect} migrations share version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    private static string Load(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The SQL resource '{resource}' is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
