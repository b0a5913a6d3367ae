import type { AgencyKind, AgencyLevel } from "@gongkai/schema";

/**
 * Demo agencies: 四川省 (province, all 21 prefectures, a sample of counties and townships) and a
 * few governments elsewhere, plus the two real agencies whose reports are test fixtures. Parents
 * come before their children, so the list can be inserted in order.
 */
export interface DemoAgency {
  id: string;
  name: string;
  regionCode: string;
  level: AgencyLevel;
  kind: AgencyKind;
  parentId: string | null;
  /** false: the demo generates no reports for it (real reports are loaded separately, or it no longer exists). */
  tracked: boolean;
}

export type DemoAgencyEventKind = "renamed" | "merged_into" | "absorbed" | "dissolved";

export interface DemoAgencyEvent {
  agencyId: string;
  kind: DemoAgencyEventKind;
  date: string;
  fromName: string | null;
  toName: string | null;
  otherAgencyId: string | null;
  note: string | null;
}

type Dept = readonly [slug: string, suffix: string];

/** 四川省人民政府 departments: id slug and full name. */
const sichuanDepartments: readonly (readonly [string, string])[] = [
  ["sc-fagaiwei", "四川省发展和改革委员会"],
  ["sc-jiaoyuting", "四川省教育厅"],
  ["sc-jingxinting", "四川省经济和信息化厅"],
  ["sc-gonganting", "四川省公安厅"],
  ["sc-minzhengting", "四川省民政厅"],
  ["sc-sifating", "四川省司法厅"],
  ["sc-caizhengting", "四川省财政厅"],
  ["sc-rensheting", "四川省人力资源和社会保障厅"],
  ["sc-ziranziyuanting", "四川省自然资源厅"],
  ["sc-shengtaihuanjingting", "四川省生态环境厅"],
  ["sc-zhujianting", "四川省住房和城乡建设厅"],
  ["sc-jiaotongting", "四川省交通运输厅"],
  ["sc-shuiliting", "四川省水利厅"],
  ["sc-nongyenongcunting", "四川省农业农村厅"],
  ["sc-shangwuting", "四川省商务厅"],
  ["sc-wenlvting", "四川省文化和旅游厅"],
  ["sc-weijianwei", "四川省卫生健康委员会"],
  ["sc-shijianju", "四川省市场监督管理局"],
  ["sc-tongjiju", "四川省统计局"],
];

/** Prefecture departments every prefecture has in the demo. */
const prefectureCoreDepts: readonly Dept[] = [
  ["jyj", "教育局"],
  ["gaj", "公安局"],
  ["rsj", "人力资源和社会保障局"],
  ["zrzyj", "自然资源和规划局"],
  ["zjj", "住房和城乡建设局"],
  ["wjw", "卫生健康委员会"],
  ["scjgj", "市场监督管理局"],
  ["yjglj", "应急管理局"],
];
/** One of these (every third prefecture: two) is added per prefecture, in turn. */
const prefectureExtraDepts: readonly Dept[] = [
  ["czj", "财政局"],
  ["sthjj", "生态环境局"],
  ["jtysj", "交通运输局"],
  ["mzj", "民政局"],
  ["nyncj", "农业农村局"],
  ["sfj", "司法局"],
];

/** slug, full name, short name used by departments (自治州 → 州). */
const sichuanPrefectures: readonly (readonly [code: string, slug: string, full: string, short: string])[] = [
  ["510100", "cd", "成都市", "成都市"],
  ["510300", "zg", "自贡市", "自贡市"],
  ["510400", "pzh", "攀枝花市", "攀枝花市"],
  ["510500", "lz", "泸州市", "泸州市"],
  ["510600", "dy", "德阳市", "德阳市"],
  ["510700", "my", "绵阳市", "绵阳市"],
  ["510800", "gy", "广元市", "广元市"],
  ["510900", "sn", "遂宁市", "遂宁市"],
  ["511000", "nj", "内江市", "内江市"],
  ["511100", "les", "乐山市", "乐山市"],
  ["511300", "nc", "南充市", "南充市"],
  ["511400", "ms", "眉山市", "眉山市"],
  ["511500", "yb", "宜宾市", "宜宾市"],
  ["511600", "ga", "广安市", "广安市"],
  ["511700", "dz", "达州市", "达州市"],
  ["511800", "ya", "雅安市", "雅安市"],
  ["511900", "bz", "巴中市", "巴中市"],
  ["512000", "zy", "资阳市", "资阳市"],
  ["513200", "aba", "阿坝藏族羌族自治州", "阿坝州"],
  ["513300", "gzz", "甘孜藏族自治州", "甘孜州"],
  ["513400", "lsz", "凉山彝族自治州", "凉山州"],
];

const countyDepts: readonly Dept[] = [
  ["jyj", "教育局"],
  ["wjj", "卫生健康局"],
  ["scjgj", "市场监督管理局"],
  ["yjglj", "应急管理局"],
  ["rsj", "人力资源和社会保障局"],
  ["mzj", "民政局"],
];

/** code, slug, name, prefecture slug, number of departments (0–4), townships [slug, name]. */
const sichuanCounties: readonly (readonly [
  code: string,
  slug: string,
  name: string,
  pref: string,
  depts: number,
  townships: readonly (readonly [string, string])[],
])[] = [
  ["510104", "jinjiang", "锦江区", "cd", 2, []],
  ["510105", "qingyang", "青羊区", "cd", 2, []],
  ["510106", "jinniu", "金牛区", "cd", 2, []],
  ["510107", "wuhou", "武侯区", "cd", 3, []],
  ["510108", "chenghua", "成华区", "cd", 2, []],
  ["510112", "longquanyi", "龙泉驿区", "cd", 2, []],
  ["510113", "qingbaijiang", "青白江区", "cd", 0, []],
  ["510114", "xindu", "新都区", "cd", 2, []],
  ["510115", "wenjiang", "温江区", "cd", 0, []],
  ["510116", "shuangliu", "双流区", "cd", 2, [["huanglongxi", "黄龙溪镇"]]],
  ["510117", "pidu", "郫都区", "cd", 2, [["tangchang", "唐昌镇"]]],
  ["510118", "xinjin", "新津区", "cd", 0, []],
  ["510121", "jintang", "金堂县", "cd", 2, []],
  ["510129", "dayi", "大邑县", "cd", 2, [["anren", "安仁镇"]]],
  ["510131", "pujiang", "蒲江县", "cd", 0, []],
  ["510181", "dujiangyan", "都江堰市", "cd", 2, [["qingchengshan", "青城山镇"]]],
  ["510182", "pengzhou", "彭州市", "cd", 0, []],
  ["510183", "qionglai", "邛崃市", "cd", 0, []],
  ["510184", "chongzhou", "崇州市", "cd", 0, []],
  ["510185", "jianyang", "简阳市", "cd", 2, []],
  ["510703", "fucheng", "涪城区", "my", 2, []],
  ["510704", "youxian", "游仙区", "my", 0, []],
  ["510722", "santai", "三台县", "my", 2, [["luxi", "芦溪镇"]]],
  ["510781", "jiangyou", "江油市", "my", 2, [["wudu", "武都镇"]]],
  ["511302", "shunqing", "顺庆区", "nc", 2, []],
  ["511321", "nanbu", "南部县", "nc", 2, []],
  ["511381", "langzhong", "阆中市", "nc", 2, [["laoguan", "老观镇"]]],
  ["511502", "cuiping", "翠屏区", "yb", 2, []],
  ["511523", "jiangan", "江安县", "yb", 0, []],
  ["511524", "changning", "长宁县", "yb", 2, [["zhuhai", "竹海镇"]]],
  ["513201", "maerkang", "马尔康市", "aba", 0, []],
  [
    "513221",
    "wenchuan",
    "汶川县",
    "aba",
    2,
    [
      ["yingxiu", "映秀镇"],
      ["shuimo", "水磨镇"],
    ],
  ],
  ["513401", "xichang", "西昌市", "lsz", 2, [["anha", "安哈镇"]]],
  ["513424", "dechang", "德昌县", "lsz", 0, []],
  ["513431", "zhaojue", "昭觉县", "lsz", 2, []],
];

/** Agencies outside 四川省 (besides the two real ones). */
const otherAgencies: readonly DemoAgency[] = [
  a("bj-gov", "北京市人民政府", "110000", "provincial", "consolidated", null),
  a("bj-gov-office", "北京市人民政府办公厅", "110000", "provincial", "government_office", "bj-gov"),
  a("bj-jiaowei", "北京市教育委员会", "110000", "provincial", "department", "bj-gov"),
  a("bj-gonganju", "北京市公安局", "110000", "provincial", "department", "bj-gov"),
  a("bj-chaoyang-gov", "北京市朝阳区人民政府", "110105", "county", "consolidated", "bj-gov"),
  a("bj-haidian-gov", "北京市海淀区人民政府", "110108", "county", "consolidated", "bj-gov"),
  a("sh-gov", "上海市人民政府", "310000", "provincial", "consolidated", null),
  a("sh-jiaowei", "上海市教育委员会", "310000", "provincial", "department", "sh-gov"),
  a("sh-xuhui-gov", "上海市徐汇区人民政府", "310104", "county", "consolidated", "sh-gov"),
  a("sh-pudong-gov", "上海市浦东新区人民政府", "310115", "county", "consolidated", "sh-gov"),
  a("fj-gov", "福建省人民政府", "350000", "provincial", "consolidated", null),
  a("fj-gov-office", "福建省人民政府办公厅", "350000", "provincial", "government_office", "fj-gov"),
  a("fuzhou-gov", "福州市人民政府", "350100", "prefecture", "consolidated", "fj-gov"),
  a("fuzhou-gulou-gov", "福州市鼓楼区人民政府", "350102", "county", "consolidated", "fuzhou-gov"),
  a("xiamen-gov", "厦门市人民政府", "350200", "prefecture", "consolidated", "fj-gov"),
  a("xiamen-siming-gov", "厦门市思明区人民政府", "350203", "county", "consolidated", "xiamen-gov"),
  a("gd-gov", "广东省人民政府", "440000", "provincial", "consolidated", null),
  a("gd-gov-office", "广东省人民政府办公厅", "440000", "provincial", "government_office", "gd-gov"),
  a("guangzhou-gov", "广州市人民政府", "440100", "prefecture", "consolidated", "gd-gov"),
  a("guangzhou-tianhe-gov", "广州市天河区人民政府", "440106", "county", "consolidated", "guangzhou-gov"),
  a("shenzhen-gov", "深圳市人民政府", "440300", "prefecture", "consolidated", "gd-gov"),
  a("shenzhen-nanshan-gov", "深圳市南山区人民政府", "440305", "county", "consolidated", "shenzhen-gov"),
  a("zj-gov", "浙江省人民政府", "330000", "provincial", "consolidated", null),
  a("hangzhou-gov", "杭州市人民政府", "330100", "prefecture", "consolidated", "zj-gov"),
  a("hangzhou-xihu-gov", "杭州市西湖区人民政府", "330106", "county", "consolidated", "hangzhou-gov"),
];

/** The real agencies whose reports are loaded from fixtures: never generated. */
export const realAgencies: readonly DemoAgency[] = [
  a("sc-emergency-management", "四川省应急管理厅", "510000", "provincial", "department", "sc-gov", false),
  a("pingtan", "平潭综合实验区", "350128", "prefecture", "consolidated", "fj-gov", false),
  a("sh-government-office", "上海市人民政府办公厅", "310000", "provincial", "government_office", "sh-gov", false),
];

function a(
  id: string,
  name: string,
  regionCode: string,
  level: AgencyLevel,
  kind: AgencyKind,
  parentId: string | null,
  tracked = true,
): DemoAgency {
  return { id, name, regionCode, level, kind, parentId, tracked };
}

function realAgency(id: string): DemoAgency {
  const found = realAgencies.find((r) => r.id === id);
  if (!found) throw new Error(`unknown real agency ${id}`);
  return found;
}

/** 区 are named after their city (成都市锦江区人民政府); 县 and 县级市 stand alone (三台县人民政府). */
function countyGovernmentName(countyName: string, prefectureName: string): string {
  return countyName.endsWith("区") ? `${prefectureName}${countyName}人民政府` : `${countyName}人民政府`;
}

export function demoAgencies(): DemoAgency[] {
  const out: DemoAgency[] = [];
  // 四川省
  out.push(a("sc-gov", "四川省人民政府", "510000", "provincial", "consolidated", null));
  out.push(a("sc-gov-office", "四川省人民政府办公厅", "510000", "provincial", "government_office", "sc-gov"));
  for (const [id, name] of sichuanDepartments) out.push(a(id, name, "510000", "provincial", "department", "sc-gov"));
  out.push(realAgency("sc-emergency-management"));

  // Prefectures
  sichuanPrefectures.forEach(([code, slug, full, short], i) => {
    const gov = `${slug}-gov`;
    out.push(a(gov, `${full}人民政府`, code, "prefecture", "consolidated", "sc-gov"));
    out.push(a(`${slug}-gov-office`, `${short}人民政府办公室`, code, "prefecture", "government_office", gov));
    const extras = [prefectureExtraDepts[i % prefectureExtraDepts.length]];
    if (i % 3 === 0) extras.push(prefectureExtraDepts[(i + 3) % prefectureExtraDepts.length]);
    for (const dept of [...prefectureCoreDepts, ...extras]) {
      if (!dept) continue;
      const [deptSlug, suffix] = dept;
      // 成都市 merged planning into natural resources under its own name.
      const name = slug === "cd" && deptSlug === "zrzyj" ? "成都市规划和自然资源局" : `${short}${suffix}`;
      out.push(a(`${slug}-${deptSlug}`, name, code, "prefecture", "department", gov));
    }
  });
  // Agencies that only exist because of an event (see demoAgencyEvents).
  out.push(a("nc-xczxj", "南充市乡村振兴局", "511300", "prefecture", "department", "nc-gov"));
  out.push(a("my-ajj", "绵阳市安全生产监督管理局", "510700", "prefecture", "department", "my-gov", false));
  out.push(a("dy-spjgj", "德阳市食品药品监督管理局", "510600", "prefecture", "department", "dy-gov", false));

  // Counties, their departments and townships
  const prefectureNames = new Map(sichuanPrefectures.map(([, slug, full]) => [slug, full]));
  for (const [code, slug, name, pref, depts, townships] of sichuanCounties) {
    const prefectureName = prefectureNames.get(pref) ?? "";
    const id = `${pref}-${slug}`;
    const gov = `${id}-gov`;
    const govName = countyGovernmentName(name, prefectureName);
    const localName = govName.replace(/人民政府$/, "");
    out.push(a(gov, govName, code, "county", "consolidated", `${pref}-gov`));
    for (let d = 0; d < depts; d++) {
      const dept = countyDepts[(d + code.charCodeAt(5)) % countyDepts.length];
      if (!dept) continue;
      out.push(a(`${id}-${dept[0]}`, `${localName}${dept[1]}`, code, "county", "department", gov));
    }
    for (const [tSlug, tName] of townships) {
      out.push(a(`${id}-${tSlug}`, `${name}${tName}人民政府`, code, "township", "township_government", gov));
    }
  }
  // A township merged away in the 2019 乡镇行政区划调整改革.
  out.push(
    a(
      "aba-wenchuan-caopo",
      "汶川县草坡乡人民政府",
      "513221",
      "township",
      "township_government",
      "aba-wenchuan-gov",
      false,
    ),
  );

  // Elsewhere, with the two real agencies after their parents.
  for (const agency of otherAgencies) {
    out.push(agency);
    if (agency.id === "sh-gov") out.push(realAgency("sh-government-office"));
    if (agency.id === "fj-gov-office") out.push(realAgency("pingtan"));
  }
  return out;
}

/** Renames and mergers of demo agencies (机构改革 2019, 乡村振兴 2021, 乡镇撤并 2019). */
export function demoAgencyEvents(): DemoAgencyEvent[] {
  return [
    {
      agencyId: "my-ajj",
      kind: "merged_into",
      date: "2019-01-18",
      fromName: "绵阳市安全生产监督管理局",
      toName: "绵阳市应急管理局",
      otherAgencyId: "my-yjglj",
      note: "市级机构改革：组建绵阳市应急管理局，将市安全生产监督管理局的职责整合划入，不再保留市安全生产监督管理局。",
    },
    {
      agencyId: "my-yjglj",
      kind: "absorbed",
      date: "2019-01-18",
      fromName: null,
      toName: null,
      otherAgencyId: "my-ajj",
      note: "整合绵阳市安全生产监督管理局的职责，以及市政府办公室的应急管理、市公安局的消防管理等职责。",
    },
    {
      agencyId: "dy-spjgj",
      kind: "dissolved",
      date: "2019-01-25",
      fromName: "德阳市食品药品监督管理局",
      toName: null,
      otherAgencyId: "dy-scjgj",
      note: "市级机构改革：组建德阳市市场监督管理局，不再保留市工商行政管理局、市质量技术监督局、市食品药品监督管理局。",
    },
    {
      agencyId: "dy-scjgj",
      kind: "absorbed",
      date: "2019-01-25",
      fromName: null,
      toName: null,
      otherAgencyId: "dy-spjgj",
      note: "承接原德阳市食品药品监督管理局的职责。",
    },
    {
      agencyId: "nc-xczxj",
      kind: "renamed",
      date: "2021-05-28",
      fromName: "南充市扶贫开发局",
      toName: "南充市乡村振兴局",
      otherAgencyId: null,
      note: "市扶贫开发局整体重组为市乡村振兴局，政府信息公开工作由更名后的机关承担。",
    },
    {
      agencyId: "aba-wenchuan-caopo",
      kind: "merged_into",
      date: "2019-12-20",
      fromName: "汶川县草坡乡人民政府",
      toName: "汶川县映秀镇人民政府",
      otherAgencyId: "aba-wenchuan-yingxiu",
      note: "乡镇行政区划调整改革：撤销草坡乡，其所辖区域划归映秀镇管辖。",
    },
    {
      agencyId: "aba-wenchuan-yingxiu",
      kind: "absorbed",
      date: "2019-12-20",
      fromName: null,
      toName: null,
      otherAgencyId: "aba-wenchuan-caopo",
      note: "接收原草坡乡所辖区域。",
    },
  ];
}
