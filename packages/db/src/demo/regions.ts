import type { Region, RegionLevel } from "@gongkai/schema";

/**
 * Demo administrative divisions (GB/T 2260 codes and names as currently in force): 四川省 with all
 * 21 prefecture-level divisions and the counties/districts the demo agencies sit in, plus a few
 * other provinces. Returned parents first: provinces, then prefectures, then counties.
 */

type Entry = readonly [code: string, name: string];

const provinces: readonly Entry[] = [
  ["510000", "四川省"],
  ["110000", "北京市"],
  ["310000", "上海市"],
  ["350000", "福建省"],
  ["440000", "广东省"],
  ["330000", "浙江省"],
];

/** Prefecture-level divisions; municipalities use their 市辖区 (xx0100). */
const prefectures: readonly Entry[] = [
  ["510100", "成都市"],
  ["510300", "自贡市"],
  ["510400", "攀枝花市"],
  ["510500", "泸州市"],
  ["510600", "德阳市"],
  ["510700", "绵阳市"],
  ["510800", "广元市"],
  ["510900", "遂宁市"],
  ["511000", "内江市"],
  ["511100", "乐山市"],
  ["511300", "南充市"],
  ["511400", "眉山市"],
  ["511500", "宜宾市"],
  ["511600", "广安市"],
  ["511700", "达州市"],
  ["511800", "雅安市"],
  ["511900", "巴中市"],
  ["512000", "资阳市"],
  ["513200", "阿坝藏族羌族自治州"],
  ["513300", "甘孜藏族自治州"],
  ["513400", "凉山彝族自治州"],
  ["110100", "市辖区"],
  ["310100", "市辖区"],
  ["350100", "福州市"],
  ["350200", "厦门市"],
  ["440100", "广州市"],
  ["440300", "深圳市"],
  ["330100", "杭州市"],
];

const counties: readonly Entry[] = [
  // 成都市: every district, county and county-level city
  ["510104", "锦江区"],
  ["510105", "青羊区"],
  ["510106", "金牛区"],
  ["510107", "武侯区"],
  ["510108", "成华区"],
  ["510112", "龙泉驿区"],
  ["510113", "青白江区"],
  ["510114", "新都区"],
  ["510115", "温江区"],
  ["510116", "双流区"],
  ["510117", "郫都区"],
  ["510118", "新津区"],
  ["510121", "金堂县"],
  ["510129", "大邑县"],
  ["510131", "蒲江县"],
  ["510181", "都江堰市"],
  ["510182", "彭州市"],
  ["510183", "邛崃市"],
  ["510184", "崇州市"],
  ["510185", "简阳市"],
  // 绵阳市
  ["510703", "涪城区"],
  ["510704", "游仙区"],
  ["510722", "三台县"],
  ["510781", "江油市"],
  // 南充市
  ["511302", "顺庆区"],
  ["511321", "南部县"],
  ["511381", "阆中市"],
  // 宜宾市
  ["511502", "翠屏区"],
  ["511523", "江安县"],
  ["511524", "长宁县"],
  // 阿坝藏族羌族自治州
  ["513201", "马尔康市"],
  ["513221", "汶川县"],
  // 凉山彝族自治州
  ["513401", "西昌市"],
  ["513424", "德昌县"],
  ["513431", "昭觉县"],
  // other provinces
  ["110105", "朝阳区"],
  ["110108", "海淀区"],
  ["310104", "徐汇区"],
  ["310115", "浦东新区"],
  ["350102", "鼓楼区"],
  ["350128", "平潭县"],
  ["350203", "思明区"],
  ["440106", "天河区"],
  ["440305", "南山区"],
  ["330106", "西湖区"],
];

function region(code: string, name: string, level: RegionLevel): Region {
  const parentCode =
    level === "province" ? null : level === "prefecture" ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
  return { code, name, parentCode, level };
}

export function demoRegions(): Region[] {
  return [
    ...provinces.map(([code, name]) => region(code, name, "province")),
    ...prefectures.map(([code, name]) => region(code, name, "prefecture")),
    ...counties.map(([code, name]) => region(code, name, "county")),
  ];
}
