namespace ProjectMethod.Api.Web;

/// <summary>The web pages' texts: <c>Texts.resx</c> (bokmål, the default) and <c>Texts.en.resx</c>.</summary>
public sealed class Texts
{
    /// <summary>Whether the page is read in English (otherwise bokmål).</summary>
    public static bool English => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
}
