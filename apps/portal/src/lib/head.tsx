import { useI18n } from "@gongkai/ui";
import { createContext, type ReactNode, useContext, useEffect } from "react";

export interface Head {
  title?: string;
  description?: string;
}

/** On the server, pages write their title here during render; the server puts it in <head>. */
const HeadContext = createContext<Head | null>(null);

export function HeadCollector({ head, children }: { head: Head; children: ReactNode }) {
  return <HeadContext.Provider value={head}>{children}</HeadContext.Provider>;
}

/** The page's <title> (and meta description): collected on the server, set in the browser. */
export function usePageHead(head: Head): void {
  const { t } = useI18n();
  const collector = useContext(HeadContext);
  const siteName = `${t("site.name")} · ${t("site.tagline")}`;
  const title = head.title ? `${head.title} — ${siteName}` : siteName;
  if (collector) {
    collector.title = title;
    if (head.description) collector.description = head.description;
  }
  useEffect(() => {
    document.title = title;
    if (head.description) document.querySelector('meta[name="description"]')?.setAttribute("content", head.description);
  }, [title, head.description]);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

export function headHtml(head: Head): string {
  return [
    `<title>${escapeHtml(head.title ?? "")}</title>`,
    head.description ? `<meta name="description" content="${escapeHtml(head.description)}" />` : "",
  ].join("");
}
