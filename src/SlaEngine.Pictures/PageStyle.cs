using System.Text;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>The head and the style sheet shared by the HTML pages: a content security policy that allows nothing but inline styles and data images, and print rules.</summary>
internal static class PageStyle
{
    /// <summary>Blocks every fetch: no script, no font, no image but <c>data:</c>, no frame, no connection.</summary>
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; color: #1f2933; background: #ffffff; font-size: 14px; line-height: 1.45; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #e4e7eb; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p.meta { margin: 0 0 16px; color: #616e7c; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e4e7eb; text-align: left; vertical-align: top; }
        th { background: #f5f7fa; font-weight: 700; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .pass { color: #1b5e20; font-weight: 700; }
        .fail { color: #b71c1c; font-weight: 700; }
        .unknown { color: #616e7c; font-weight: 700; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; color: #ffffff; }
        .badge.pass { background: #2e7d32; color: #ffffff; }
        .badge.fail { background: #c62828; color: #ffffff; }
        .badge.unknown { background: #9aa5b1; color: #ffffff; }
        .status { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; border: 1px solid currentColor; white-space: nowrap; }
        .pair { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
        .pair > * { flex: 1 1 420px; min-width: 0; }
        .kpis { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
        .kpi { border: 1px solid #e4e7eb; border-radius: 8px; padding: 10px 14px; min-width: 150px; }
        .kpi .value { font-size: 24px; font-weight: 700; }
        .kpi .label { color: #616e7c; font-size: 12px; }
        .kpi.fail { border-color: #c62828; }
        .kpi.pass { border-color: #2e7d32; }
        figure { margin: 0; }
        figcaption { color: #616e7c; font-size: 12px; margin-top: 4px; }
        svg { max-width: 100%; height: auto; }
        nav.index a { color: #1d4ed8; }
        section.lead { margin-top: 28px; }
        section.lead h2 { display: flex; gap: 12px; align-items: baseline; }
        .error { color: #b71c1c; }
        @media print {
          body { padding: 0; font-size: 11pt; }
          h2 { break-after: avoid; }
          section, figure, table, .kpis { break-inside: avoid; }
          section.lead { break-before: page; }
          a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { size: A4 landscape; margin: 12mm; }
        """;

    /// <summary>Writes the doctype, the head (with the content security policy and the style sheet) and opens the body.</summary>
    internal static void Open(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
    }

    internal static void Close(StringBuilder html) => html.Append("</body>\n</html>\n");
}
