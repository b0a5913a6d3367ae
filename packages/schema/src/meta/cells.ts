/** The kinds of cell: a count ≥ 0, a signed count (2019 本年增/减), or money. */
export const cellTypes = ["count", "signed", "money"] as const;
export type CellType = (typeof cellTypes)[number];

export const moneyUnits = ["元", "万元"] as const;
export type MoneyUnit = (typeof moneyUnits)[number];

/** A money cell as stored: an exact decimal string and its unit. */
export interface MoneyValue {
  amount: string;
  unit: MoneyUnit;
}
