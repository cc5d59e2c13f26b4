using System.Net;
using System.Text;

namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// Builds one e-mail body twice, as plain text and as simple HTML, from paragraphs and links. Everything that comes
/// from the database (a route name, a rejection reason) is HTML-encoded.
/// </summary>
internal sealed class MailText
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailText Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        return this;
    }

    public MailText Link(string label, Uri link)
    {
        _text.Append(label).Append(":\n").Append(link.AbsoluteUri).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>A list of lines, each with its link (and an optional note after it, e.g. the days left).</summary>
    public MailText List(IEnumerable<(string Text, Uri Link, string? Note)> items)
    {
        _html.Append("<ul>\n");
        foreach (var (text, link, note) in items)
        {
            var suffix = note is null ? string.Empty : " (" + note + ")";
            _text.Append("- ").Append(text).Append(suffix).Append("\n  ").Append(link.AbsoluteUri).Append('\n');
            _html.Append("<li><a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(Encode(text)).Append("</a>")
                .Append(Encode(suffix)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public (string Text, string Html) Build(string footer)
    {
        var text = _text.ToString() + "-- \n" + footer + "\n";
        var html = "<!DOCTYPE html>\n<html lang=\"nl\">\n<body style=\"font-family: Arial, sans-serif; line-height: 1.5\">\n"
                   + _html + "<p style=\"color: #555555; font-size: 0.9em\">" + Encode(footer) + "</p>\n</body>\n</html>\n";
        return (text, html);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
