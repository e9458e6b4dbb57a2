using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Configuration;

namespace Hierarchy.Serialization.Tests.Support;

/// <summary>
/// Takes out of the type manifest everything one assembly's code generation put in (interfaces, grains, proxies,
/// codecs), so a host in this process behaves as if that assembly had never been loaded. Orleans discovers every
/// loaded assembly with generated code, and an assembly cannot be unloaded from the test process.
/// </summary>
public static class TypeManifestExclusion
{
    public static IServiceCollection ExcludeFromTypeManifest(this IServiceCollection services, Assembly assembly) =>
        services.PostConfigure<TypeManifestOptions>(options =>
        {
            HashSet<Type>[] sets =
            [
                options.Interfaces, options.InterfaceProxies, options.InterfaceImplementations, options.Serializers,
                options.Copiers, options.Activators, options.FieldCodecs, options.Converters,
            ];
            foreach (var set in sets)
            {
                set.RemoveWhere(type => type.Assembly == assembly);
            }
        });
}
