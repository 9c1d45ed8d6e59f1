using SlaEngine.Evaluation;

namespace SlaEngine.Samples.WebHost;

/// <summary>Error responses in the shape of the CLI's invalid-lead lines: <c>{"id":…,"error":{"code":…,"message":…}}</c>.</summary>
internal static class ApiErrors
{
    /// <summary>A 400 response for a lead that could not be read or evaluated, with the error's code, message and JSON path.</summary>
    public static IResult BadRequest(LeadError error) =>
        Results.Json(new { Id = error.LeadId, Error = new { error.Code, error.Message, error.Path, Column = error.Column } }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A 400 response for a bad request or a bad lead.</summary>
    public static IResult BadRequest(string code, string message, string? id = null) =>
        Results.Json(new { Id = id, Error = new { Code = code, Message = message } }, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A 404 response for an unknown policy or version.</summary>
    public static IResult NotFound(string message) =>
        Results.Json(new { Error = new { Code = "not_found", Message = message } }, statusCode: StatusCodes.Status404NotFound);
}
