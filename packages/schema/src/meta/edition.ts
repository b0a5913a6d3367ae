import { type Label, label } from "./text";

export const editions = [2019, 2021] as const;
export type Edition = (typeof editions)[number];
export const editionLabels: Record<Edition, Label> = {
  2019: label(
    "2019年版《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
    "2019 format (trial), Guobangongkaibanhan [2019] No. 60",
  ),
  2021: label(
    "2021年版《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
    "2021 format, Guobangongkaibanhan [2021] No. 30",
  ),
};

/** Rule 1: the edition a report year must use. Years before 2019 predate the template. */
export function editionForYear(year: number): Edition | null {
  if (year < 2019) return null;
  return year <= 2020 ? 2019 : 2021;
}
