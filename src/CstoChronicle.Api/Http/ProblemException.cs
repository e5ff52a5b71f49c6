using Microsoft.AspNetCore.Mvc;

namespace CstoChronicle.Api.Http;

/// <summary>Thrown where a handler cannot return a result (parameter binding, body streams); answered as its problem.</summary>
public sealed class ProblemException(ProblemDetails problem) : Exception(problem.Detail)
{
    public ProblemDetails Problem { get; } = problem;
}
