import { getCell, type Report, setCell } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";

/** A consistent report for the draft's agency and year (keeps the draft's envelope). */
export function consistentContent(draft: Report, seed = 1, overview?: string): Report {
  const generated = generateConsistentReport({
    edition: draft.edition,
    random: seededRandom(seed),
    agency: draft.agency,
    year: draft.year,
  });
  // Keep last year's carry-over if the draft was prefilled, and rebalance 本年新收 so rule 9 holds.
  let r: Report = { ...generated, title: draft.title, status: draft.status, publicationDate: draft.publicationDate };
  for (const col of ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg", "total"]) {
    const over = getCell(draft, `t3.carriedOver.${col}`);
    if (typeof over === "number") {
      const handled = getCell(r, `t3.handledTotal.${col}`) as number;
      const forward = getCell(r, `t3.carriedForward.${col}`) as number;
      r = setCell(r, `t3.carriedOver.${col}`, over);
      r = setCell(r, `t3.newReceived.${col}`, Math.max(0, handled + forward - over));
      if (handled + forward - over < 0) r = setCell(r, `t3.carriedForward.${col}`, over - handled);
    }
  }
  if (overview) r = { ...r, sections: { ...r.sections, overview: { heading: null, text: overview } } };
  return r;
}
