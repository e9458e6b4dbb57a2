using System.Globalization;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Hosting;

public static class SiloLocalizationServiceCollectionExtensions
{
    /// <summary>
    /// Messages in the caller's language from Accept-Language: Vietnamese by default, English on request. Only the UI
    /// culture follows the caller; the formatting culture stays invariant, so that numbers and dates in JSON, CSV and
    /// headers never change with the reader's language.
    /// </summary>
    public static IServiceCollection AddSiloLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, SiloCultures.Vietnamese);
            options.SupportedCultures = [CultureInfo.InvariantCulture];
            options.SupportedUICultures = SiloCultures.Supported;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
}
