import { describe, expect, it } from "vitest";
import { cleanText, labelKey, similarity, splitEnumerator, squash } from "./text";

describe("label normalisation", () => {
  it("treats 1. 1． １． 1、 and (一) （一） alike", () => {
    for (const s of ["1.属于国家秘密", "1．属于国家秘密", "１．属于国家秘密", "1、属于国家秘密", "1 . 属于国家秘密"]) {
      const { enumerator, rest } = splitEnumerator(squash(s));
      expect(enumerator, s).toEqual({ kind: "num", index: 1 });
      expect(rest).toBe("属于国家秘密");
    }
    expect(splitEnumerator(squash("（三）不予公开")).enumerator).toEqual({ kind: "paren-cn", index: 3 });
    expect(splitEnumerator(squash("(三)不予公开")).enumerator).toEqual({ kind: "paren-cn", index: 3 });
    expect(splitEnumerator(squash("四、结转下年度继续办理")).enumerator).toEqual({ kind: "cn", index: 4 });
    expect(splitEnumerator(squash("十一、附则")).enumerator).toEqual({ kind: "cn", index: 11 });
  });

  it("removes whitespace inside labels and every kind of quote and bracket", () => {
    expect(labelKey("社会公益 组织")).toBe("社会公益组织");
    expect(labelKey("三、本年度办\n 理结果")).toBe("本年度办理结果");
    expect(labelKey("3.危及“三安全一稳定”")).toBe(labelKey('3.危及"三安全一稳定"'));
    expect(labelKey("本年增/减")).toBe("本年增减");
    expect(labelKey("其它")).toBe("其他");
  });

  it("joins Chinese text a line break split, keeps spaces between words", () => {
    expect(cleanText("本年度办\n   理结果")).toBe("本年度办理结果");
    expect(cleanText("  Word  export \n here ")).toBe("Word export here");
  });

  it("scores a typo close and an unrelated label far", () => {
    expect(similarity("属于国家秘密", "属于国家秘蜜")).toBeGreaterThan(0.6);
    expect(similarity("属于国家秘密", "重复申请")).toBeLessThan(0.2);
  });
});
