using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Hierarchy.Silo.Hosting;

/// <summary>
/// The silo's identity and ports, from the standard <c>Orleans</c> section (<c>Orleans:ClusterId</c>,
/// <c>Orleans:ServiceId</c>, <c>Orleans:Endpoints:SiloPort</c>, <c>Orleans:Endpoints:GatewayPort</c>,
/// <c>Orleans:Endpoints:AdvertisedIPAddress</c>).
/// </summary>
/// <param name="AdvertisedAddress">
/// The address other silos and clients reach this one at; null leaves it to Orleans, which takes the machine's first
/// network address. Silos of one cluster on one machine set 127.0.0.1.
/// </param>
public sealed record SiloEndpoints(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress? AdvertisedAddress)
{
    public const string DefaultClusterId = "hierarchy";
    public const string DefaultServiceId = "hierarchy";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <param name="wellKnownPorts">
    /// Whether unset ports take Orleans' usual 11111 and 30000, which the silos of a cluster find each other by.
    /// Otherwise they take free ones: a lone silo on SQLite, or a sub-command's short-lived silo, then runs beside
    /// any other on the same machine.
    /// </param>
    public static SiloEndpoints FromConfiguration(IConfiguration configuration, bool wellKnownPorts)
    {
        var section = configuration.GetSection("Orleans");
        return new SiloEndpoints(
            NonEmpty(section["ClusterId"]) ?? DefaultClusterId,
            NonEmpty(section["ServiceId"]) ?? DefaultServiceId,
            Port(section, "Endpoints:SiloPort", wellKnownPorts ? DefaultSiloPort : null),
            Port(section, "Endpoints:GatewayPort", wellKnownPorts ? DefaultGatewayPort : null),
            Address(section, "Endpoints:AdvertisedIPAddress"));
    }

    private static IPAddress? Address(IConfiguration section, string key)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return null;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new SiloConfigurationException($"Orleans:{key} must be an IP address, such as 10.0.0.5, not '{text}'.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int Port(IConfiguration section, string key, int? fallback)
    {
        var text = NonEmpty(section[key]);
        if (text is null)
        {
            return fallback ?? FreePort();
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new SiloConfigurationException($"Orleans:{key} must be a port from 1 to 65535, not '{text}'.");
        }

        return port;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
