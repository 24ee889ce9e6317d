using PdfSharp.Fonts;

namespace ProjectMethod.Api.Infrastructure.Documents;

/// <summary>
/// The typeface every document is set in, carried in the build (DejaVu Sans, regular and bold; its licence beside it):
/// a fresh machine needs no installed font, and every document embeds what it uses.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    /// <summary>The family a document asks for; any other name gets the same faces.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new DocumentFonts();
        return true;
    });

    /// <summary>Makes these faces the ones PDFsharp uses, once per process.</summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not in the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
