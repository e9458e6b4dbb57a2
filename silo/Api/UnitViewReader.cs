using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>Reads one unit's view for a requested year, with the access check and the errors every reader of it answers.</summary>
public static class UnitViewReader
{
    public static async Task<(UnitView? View, IResult? Problem)> ReadAsync(
        string id, string? year, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return (null, denied);
        }

        var today = time.Today();
        var errors = new List<ValidationError>();
        var y = QueryValues.Year(year, today.Year, errors);
        if (errors.Count > 0)
        {
            return (null, Problems.Validation(errors));
        }

        var view = await hierarchy.Unit(id).GetViewAsync(y, today);
        return view is null ? (null, Problems.NotFound(Messages.UnitNotFound.Format(id))) : (view, null);
    }
}
