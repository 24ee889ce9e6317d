namespace ProjectMethod.Api.Web;

/// <summary>The web pages' texts: <c>Texts.resx</c> in bokmål, <c>Texts.en.resx</c> in English.</summary>
public sealed class Texts;
