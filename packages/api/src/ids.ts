import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A prefixed random id such as `rpt_4fK9x2LmQa7Zp1Bc` (16 base-62 characters ≈ 95 bits). */
export function newId(prefix: "rpt" | "cmt"): string {
  const bytes = randomBytes(16);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % 62];
  return `${prefix}_${out}`;
}
