using System.Diagnostics;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>A PDF read back as a reader's tools read it: Debian's poppler-utils (installed by .ci/run).</summary>
public static class Poppler
{
    /// <summary>What a poppler tool prints for the file; it must succeed.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
        return output;
    }

    /// <summary>The document in a file of its own, for the tools; removed when disposed.</summary>
    public sealed class Pdf : IDisposable
    {
        public Pdf(byte[] bytes)
        {
            bytes.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"document-{Guid.NewGuid():N}.pdf");

        public string Info => Run("pdfinfo", Path);

        public string Fonts => Run("pdffonts", Path);

        public string Text(int? page = null) =>
            page is { } only ? Run("pdftotext", "-f", $"{only}", "-l", $"{only}", "-layout", Path, "-") : Run("pdftotext", "-layout", Path, "-");

        /// <summary>The first pages as PNG beside the test binaries (documents/NAME-1.png …), to be looked at.</summary>
        public void Picture(string name, int pages = 1)
        {
            var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "documents");
            Directory.CreateDirectory(folder);
            Run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", $"{pages}", Path, System.IO.Path.Combine(folder, name));
        }

        public void Dispose() => File.Delete(Path);
    }
}
