var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Disclosure");
app.Run();

public partial class Program;
