import type { Report } from "@gongkai/schema";
import { I18nProvider, OfficialReport } from "@gongkai/ui";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** The report in the portal's official layout, as the server renders it (zh). */
export function officialHtml(report: Report): string {
  const body = renderToStaticMarkup(
    createElement(I18nProvider, { locale: "zh", children: createElement(OfficialReport, { report, findings: [] }) }),
  );
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${report.title ?? ""}</title></head><body>${body}</body></html>`;
}

/** Apply a transformation to the text between tags only (never to markup). */
export function mapText(html: string, f: (text: string) => string): string {
  return html.replace(/>([^<]+)</g, (_, t: string) => `>${f(t)}<`);
}
