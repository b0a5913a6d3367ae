import { describe, expect, it } from "vitest";
import { agencyAndYear, parseHeading } from "./sections";

describe("section headings", () => {
  it.each([
    ["一、总体情况", "overview", 1],
    ["一、概述", "overview", 1],
    ["二、政府信息主动公开情况", "proactive", 2],
    ["三、政府信息依申请公开情况", "requests", 3],
    ["四、政府信息公开行政法复议、行政诉讼情况", "reviewLitigation", 4],
    ["四、因政府信息公开申请行政复议、提起行政诉讼的情况", "reviewLitigation", 4],
    ["五、存在问题及改进措施", "problems", 5],
    ["五、政府信息公开工作存在的主要问题及改进情况", "problems", 5],
    ["六．其他需要报告的事项", "other", 6],
    ["　　四、政府信息公开行政复议、行政诉讼情况", "reviewLitigation", 4],
  ])("%s → %s", (line, key, numeral) => {
    expect(parseHeading(line)).toMatchObject({ key, numeral, remainder: null });
  });

  it.each(["三、本年度办理结果", "四、结转下年度继续办理", "（一）主动公开方面", "一是加强领导。", "2019年，本机关……"])(
    "%s is not a section heading",
    (line) => {
      expect(parseHeading(line)).toBeNull();
    },
  );

  it("splits a heading glued to its first paragraph", () => {
    expect(parseHeading("一、总体情况 2019年，本机关认真贯彻落实《条例》。")).toMatchObject({
      key: "overview",
      heading: "一、总体情况",
      remainder: "2019年，本机关认真贯彻落实《条例》。",
    });
  });
});

describe("agency and year from the title", () => {
  it.each([
    ["平潭综合实验区2024年度政府信息公开工作年度报告", "平潭综合实验区", 2024],
    ["2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019],
    ["四川省应急管理厅2019年政府信息公开工作年度报告", "四川省应急管理厅", 2019],
    ["成都市应急管理局２０２３年政府信息公开工作年度报告（全文）", "成都市应急管理局", 2023],
    ["关于2022年度政府信息公开工作年度报告", null, 2022],
  ])("%s", (title, agencyName, year) => {
    expect(agencyAndYear(title)).toEqual({ agencyName, year });
  });
});
