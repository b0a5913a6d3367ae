import { describe, expect, it } from "vitest";
import { importSync } from "./import";
import { decodeInput, htmlFromScript } from "./input";

/** GB18030 bytes of a text, built from the decoder itself (Node has no GB encoder). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

describe("input decoding", () => {
  it("reads a GB18030 (GBK) page and says so", () => {
    const html = `<html><head><meta charset="gbk"><title>测试局2020年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><p>本年度工作平稳。</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></body></html>`;
    const r = importSync({ content: gb18030(html), filename: "r.html" });
    expect(r.importFindings.map((f) => f.code)).toContain("input.encoding");
    expect(r.detected).toMatchObject({ agencyName: "测试局", year: 2020 });
    expect(r.draft?.sections.overview.text).toBe("本年度工作平稳。");
  });

  it("takes the report HTML out of a script's string, escapes decoded and concatenations joined", () => {
    const js = `// data\nvar menu = [{"id": "1", "name": "首页"}];\nlet content = "<p>一、总体情况</p>" +\n  "<table><tr><td>\\u4fe1\\u606f\\u5185\\u5bb9</td></tr></table><p>${"说明".repeat(80)}</p>";\n`;
    const html = htmlFromScript(js);
    expect(html).toContain("<td>信息内容</td>");
    expect(html?.startsWith("<p>一、总体情况</p><table>")).toBe(true);
    expect(decodeInput({ content: js, filename: "page.js" }).format).toBe("script");
  });

  it("sniffs HTML without an extension and text with stray angle brackets as text", () => {
    expect(decodeInput({ content: "<div><p>一、总体情况</p><p>x</p></div>" }).format).toBe("html");
    expect(decodeInput({ content: "一、总体情况\n数量<5件的申请>" }).format).toBe("text");
  });
});
