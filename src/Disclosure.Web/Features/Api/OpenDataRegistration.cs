using System.Text.Json;

namespace Disclosure.Web.Features.Api;

/// <summary>The open-data API's services and middleware: CORS for any origin on GET, strong ETags, the OpenAPI document.</summary>
public static class OpenDataRegistration
{
    public const string CorsPolicy = "OpenData";
    public const string ApiPrefix = "/api/v1";

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("ETag", "Content-Disposition")));

        // The OpenAPI schemas use the same snake_case names the API writes (ApiJson.Options).
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.AddOpenApi(openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith(ApiPrefix[1..], StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "政府信息公开工作年度报告 开放数据接口";
                document.Info.Description = "已公开的年度报告：列表、规范 JSON、数据核对结果、按年度的表二/表三/表四 CSV 与 XLSX。只读，匿名，允许任意来源跨域读取。";
                return Task.CompletedTask;
            });
        });
        services.AddScoped<ApiReportListQuery>();
        services.AddScoped<YearTableQuery>();
        return services;
    }

    /// <summary>After <c>UseRouting</c>: CORS, then ETags on the API's GET responses.</summary>
    public static WebApplication UseOpenData(this WebApplication app)
    {
        app.UseCors();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal),
            api => api.UseMiddleware<StrongETagMiddleware>());
        return app;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, readable from any origin.</summary>
    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapOpenApi().RequireCors(CorsPolicy);
        return app;
    }
}
