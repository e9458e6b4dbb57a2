namespace Hierarchy.Actors.Tests.Grains;

/// <summary>An exception type only test grains throw, so a test can tell it arrived unchanged.</summary>
public sealed class GrainTestException(string message) : Exception(message);
