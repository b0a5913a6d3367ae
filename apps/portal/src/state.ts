import type { Locale } from "@gongkai/schema/meta";
import type { DehydratedState } from "@tanstack/react-query";

/** What the server hands the browser: the query cache it rendered from, and the settings it used. */
export interface PortalState {
  locale: Locale;
  today: string;
  queries: DehydratedState;
}

/** JSON that is safe inside <script type="application/json">: no "</script>", no "<!--". */
export function serializeState(state: PortalState): string {
  return JSON.stringify(state)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function readState(doc: Document): PortalState | null {
  const el = doc.getElementById("gk-state");
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as PortalState;
  } catch {
    return null;
  }
}
