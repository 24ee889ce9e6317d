namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>Files of the repository the tests keep in step with the code.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProjectMethod.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: ProjectMethod.sln not found above " + AppContext.BaseDirectory);
    }
}
