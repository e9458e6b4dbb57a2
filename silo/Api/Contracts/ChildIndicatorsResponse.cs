using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

public sealed record ChildIndicatorsResponse(string Id, string Name, string PartyName, UnitLevel Level, IndicatorView? Indicators);
