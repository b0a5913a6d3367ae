/** The province (xx0000) and prefecture (xxxx00) a GB/T 2260 code belongs to. */
export function regionAncestors(code: string): { province: string; prefecture: string } {
  return { province: `${code.slice(0, 2)}0000`, prefecture: `${code.slice(0, 4)}00` };
}

/** The code prefix that selects a region and everything under it: 510000 → "51", 510100 → "5101". */
export function regionPrefix(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}
