using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Symbolic.Cli.Commands;

namespace Symbolic.Cli;

/// <summary>
/// The JSON documents the CLI writes, serialized by source-generated code: no reflection, so the native (AOT,
/// trimmed) <c>symbolic</c> writes the same JSON as the JIT build. A type written through <c>object</c>
/// (the symmetry document's entries) must be listed here, or serialization refuses it at run time.
/// </summary>
[JsonSerializable(typeof(OneShotCommands.JsonDocument))]
[JsonSerializable(typeof(OneShotCommands.JsonFailure))]
[JsonSerializable(typeof(ScriptRunner.RunJsonDocument))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>camelCase property names (the one-shot document), non-ASCII written as is.</summary>
    public static CliJson CamelCase { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Keys as written (dictionary documents), non-ASCII written as is.</summary>
    public static CliJson AsWritten { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
