using System.Text.Json;
using DoorlopendeLeerroutes.PdfWorker;

// One PDF path in, one JSON line out (PdfWorkerReport). Anything else on stdout would be a bug; the parent refuses the
// file when the line is missing, e.g. when the runtime ended this process for memory or a stack overflow.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: DoorlopendeLeerroutes.PdfWorker <file.pdf>");
    return 2;
}

var report = PdfReader.Read(args[0]);
Console.Out.WriteLine(JsonSerializer.Serialize(report, PdfWorkerJson.Default.PdfWorkerReport));
return 0;
