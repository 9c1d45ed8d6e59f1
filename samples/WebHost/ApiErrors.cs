using SlaEngine.Evaluation;
using SlaEngine.Monitor;

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

    /// <summary>A 404 response for an unknown policy, version or lead; with the lead's id when it is about one.</summary>
    public static IResult NotFound(string message, string? id = null) => id is null
        ? Results.Json(new { Error = new { Code = "not_found", Message = message } }, statusCode: StatusCodes.Status404NotFound)
        : Results.Json(new { Id = id, Error = new { Code = "not_found", Message = message } }, statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// A stored lead that cannot be evaluated, so it cannot be drawn, with the monitor's problem code: 404 when its policy
    /// is not loaded, 422 when the lead is invalid for it.
    /// </summary>
    public static IResult LeadProblem(string code, string message, string id) =>
        Results.Json(
            new { Id = id, Error = new { Code = code, Message = message } },
            statusCode: code == MonitorErrorCodes.PolicyNotLoaded ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity);
}
