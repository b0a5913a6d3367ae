/** Claim extraction used by R12, R14 and R22, and the text measures used by R19 and R23. */
import { describe, expect, it } from "vitest";
import { countCharacters, extractClaims, type NarrativeClaim, normaliseText, textSimilarity } from "./narrative";

const claims = (text: string): [NarrativeClaim["kind"], number][] =>
  extractClaims(text, "overview").map((c) => [c.kind, c.value]);

describe("normaliseText", () => {
  it("turns full-width digits into ASCII digits", () => {
    expect(normaliseText("全年收到申请２１８件")).toBe("全年收到申请218件");
  });

  it("drops thousands separators, ASCII or full-width, but leaves other commas alone", () => {
    expect(normaliseText("1,234件")).toBe("1234件");
    expect(normaliseText("１，２３４件")).toBe("1234件");
    expect(normaliseText("12,345,678件")).toBe("12345678件");
    expect(normaliseText("予以公开71件，部分公开29件")).toBe("予以公开71件，部分公开29件");
    expect(normaliseText("12,34件")).toBe("12,34件");
  });
});

describe("extractClaims", () => {
  it("reads full-width figures and figures with thousands separators", () => {
    expect(claims("全年共收到政府信息公开申请２１８件。")).toEqual([["received", 218]]);
    expect(claims("全年共收到政府信息公开申请1,234件。")).toEqual([["received", 1234]]);
  });

  it("keeps the words a figure was read from and the section it came from", () => {
    const [claim] = extractClaims("全年办理政府信息公开申请218件。", "requests");
    expect(claim).toEqual({ kind: "handled", value: 218, quote: "办理政府信息公开申请218件", section: "requests" });
  });

  it("reads “予以公开及部分公开N件” as one combined figure and does not read it again as 予以公开 or 部分公开", () => {
    expect(claims("予以公开及部分公开258件。")).toEqual([["grantedOrPartial", 258]]);
    expect(claims("予以公开和部分公开的申请共100件。")).toEqual([["grantedOrPartial", 100]]);
  });

  it("reads each outcome category of a listing, and does not mistake 不予公开 for 予以公开", () => {
    const found = claims("予以公开71件，部分公开29件，不予公开39件，无法提供75件，不予处理1件，其他处理3件。");
    expect(found).toHaveLength(6);
    expect(found).toEqual(
      expect.arrayContaining([
        ["granted", 71],
        ["partiallyGranted", 29],
        ["denied", 39],
        ["unable", 75],
        ["notProcessed", 1],
        ["otherHandling", 3],
      ]),
    );
    expect(claims("不予公开4件。")).toEqual([["denied", 4]]);
  });

  it("ignores application and review counts in a clause about last year, but reads the current-year clause", () => {
    expect(claims("去年收到政府信息公开申请150件，今年收到政府信息公开申请218件。")).toEqual([["received", 218]]);
    expect(claims("上年度收到申请200件。")).toEqual([]);
    expect(claims("同比收到申请200件。")).toEqual([]);
    expect(claims("较2023年收到申请200件。")).toEqual([]);
    expect(claims("被申请行政复议7件，被提起行政诉讼19件；去年行政复议3件。")).toEqual([
      ["review", 7],
      ["litigation", 19],
    ]);
  });

  it("reads 上年结转 as applications carried over, not as a clause about last year", () => {
    expect(claims("上年结转政府信息公开申请1件，2件结转下年度继续办理。")).toEqual([
      ["carriedOver", 1],
      ["carriedForward", 2],
    ]);
    expect(claims("结转下年度继续办理2件。")).toEqual([["carriedForward", 2]]);
  });

  it("reads document counts with the verb that governs them, and none without a verb", () => {
    const [made] = extractClaims("本年度制发行政规范性文件62件。", "overview");
    expect(made).toMatchObject({ kind: "docsNormative", value: 62, verb: "制发" });
    const [rules] = extractClaims("主动公开规章13件。", "overview");
    expect(rules).toMatchObject({ kind: "docsRules", value: 13, verb: "公开" });
    expect(extractClaims("清理规范性文件20件。", "overview")[0]).toMatchObject({ verb: "清理" });
    expect(extractClaims("现行有效行政规范性文件440件。", "overview")[0]).toMatchObject({
      value: 440,
      verb: "现行有效",
    });
    expect(extractClaims("行政规范性文件440件。", "overview")).toEqual([]);
  });

  // Regression (was a bug, root cause of the R22 false positive in rules.test.ts): the verb is searched in the whole
  // sentence before the figure, so the in-force count inherits "废止" from the previous clause.
  it("does not carry the verb 废止 of one clause over to the in-force count of the next", () => {
    const found = extractClaims(
      "本年度制发行政规范性文件62件，废止行政规范性文件33件，现行有效行政规范性文件440件。",
      "overview",
    );
    const inForce = found.find((c) => c.value === 440);
    expect(inForce?.verb).not.toBe("废止");
  });

  it("reads nothing from a sentence without figures or without “N件”", () => {
    expect(claims("本机关认真做好政府信息公开申请办理工作。")).toEqual([]);
    expect(claims("主动公开政府信息10407条。")).toEqual([]);
  });
});

describe("countCharacters", () => {
  it("counts Chinese characters one each, a run of digits or letters as one, punctuation as nothing", () => {
    expect(countCharacters("公开")).toBe(2);
    expect(countCharacters("2024年，共收到申请1,234件。")).toBe(9);
    expect(countCharacters("２０２４年")).toBe(2);
    expect(countCharacters("abc def")).toBe(2);
    expect(countCharacters("，。；！")).toBe(0);
  });
});

describe("textSimilarity", () => {
  it("is 1 for the same text (ignoring spacing and punctuation) and 0 for texts with no common pair", () => {
    expect(textSimilarity("一是公开内容仍需丰富。", "一是 公开内容仍需丰富")).toBe(1);
    expect(textSimilarity("甲乙丙丁", "戊己庚辛")).toBe(0);
  });

  it("is between 0 and 1 for a partly rewritten text", () => {
    const s = textSimilarity(
      "一是公开内容仍需丰富；二是解读形式仍需创新。",
      "一是公开内容仍需丰富；二是平台建设有待加强。",
    );
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(0.9);
  });
});
