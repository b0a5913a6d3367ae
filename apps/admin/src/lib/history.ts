/**
 * Undo / redo as plain data. Consecutive edits with the same label within `groupMs` (typing digits
 * into one cell) are one step, as in a spreadsheet.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastLabel: string | null;
  lastAt: number;
}

export const LIMIT = 200;

export function start<T>(present: T): History<T> {
  return { past: [], present, future: [], lastLabel: null, lastAt: 0 };
}

export function record<T>(h: History<T>, next: T, label: string, now: number, groupMs = 1500): History<T> {
  const grouped = label === h.lastLabel && now - h.lastAt < groupMs;
  const past = grouped ? h.past : [...h.past, h.present].slice(-LIMIT);
  return { past, present: next, future: [], lastLabel: label, lastAt: now };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past.at(-1);
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], lastLabel: null, lastAt: 0 };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: rest, lastLabel: null, lastAt: 0 };
}

/** Replace the present without an undo step (a reload from the server, a resolved conflict). */
export function reset<T>(h: History<T>, present: T, keepPast = true): History<T> {
  return { past: keepPast ? h.past : [], present, future: [], lastLabel: null, lastAt: 0 };
}
