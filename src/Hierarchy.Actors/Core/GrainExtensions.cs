namespace Hierarchy.Actors;

public static class GrainExtensions
{
    public static string GetPrimaryKeyString(this Grain grain) => grain.GrainId.Key;

    /// <summary>A reference to this grain, for handing to other grains (calls through it go through the runtime).</summary>
    public static TGrainInterface AsReference<TGrainInterface>(this Grain grain) where TGrainInterface : IGrainWithStringKey =>
        grain.GrainFactory.GetGrain<TGrainInterface>(grain.GrainId.Key);
}
