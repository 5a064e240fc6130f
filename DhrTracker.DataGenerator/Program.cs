namespace DhrTracker.DataGenerator;

/// <summary>
/// dotnet run --project DhrTracker.DataGenerator -c Release -- --provider Sqlite --connection "Data Source=national.db" --seed 42 [--scale 1.0]
/// (A named entry point rather than top-level statements, so that projects referencing both this and the web
/// app see one Program.)
/// </summary>
internal static class GeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var options = GeneratorOptions.Parse(args);
            if (options is null)
            {
                Console.WriteLine(GeneratorOptions.Usage);
                return 0;
            }

            var result = await NationalDataGenerator.RunAsync(options, Console.Out);
            return result is null ? 1 : 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(GeneratorOptions.Usage);
            return 2;
        }
        catch (GeneratorException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
