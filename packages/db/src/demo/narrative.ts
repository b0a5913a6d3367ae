import { countCharacters, type Edition, governmentReportKinds } from "@gongkai/schema";
import type { DemoAgency } from "./agencies";
import type { Rng } from "./random";
import { demoRegions } from "./regions";

/**
 * Chinese narrative for demo reports, assembled from templates. Figures are passed in from the
 * tables, and every phrase that quotes one is written so that the narrative rules (R12, R14, R22)
 * read it back as the table value.
 */

/** Where an agency sits and how its reports speak about it. */
export interface AgencyVoice {
  /** 四川省, 成都市锦江区, 凉山彝族自治州, 汶川县映秀镇 … */
  place: string;
  /** 省 市 州 区 县 镇 乡 */
  unit: string;
  /** 省委、省政府 … */
  upper: string;
  /** The site the report is published on. */
  portal: string;
  /** The policy area the overview centres on. */
  focus: string;
  /** The fields whose information the agency publishes most. */
  areas: string;
  /** A people's government report (Regulation Art. 50(4)). */
  government: boolean;
}

/** Keyword in the agency name → the policy focus and the fields it publishes most. */
const focusByKeyword: readonly (readonly [RegExp, string, string])[] = [
  [/教育/, "办好人民满意的教育", "招生考试、学生资助和教育收费"],
  [/公安/, "平安建设和公安政务服务", "户籍管理、出入境和交通管理"],
  [/财政/, "预决算公开和财政资金管理", "预决算、政府债务和惠民惠农补贴"],
  [/人力资源/, "稳就业和社会保障", "就业创业、社会保险和人事考试"],
  [/自然资源|规划/, "国土空间规划和自然资源保护利用", "国土空间规划、征地信息和不动产登记"],
  [/生态环境/, "污染防治攻坚和生态环境保护", "环境质量、环评审批和执法监管"],
  [/住房/, "住房保障和城市更新", "保障性住房、城镇老旧小区改造和建筑市场监管"],
  [/交通/, "交通基础设施建设和运输服务", "重大交通项目、公路养护和运输服务"],
  [/卫生健康/, "卫生健康事业高质量发展", "医疗服务、疾病预防控制和医疗卫生机构监管"],
  [/市场监督/, "优化营商环境和市场监管", "市场主体登记、食品药品安全和“双随机、一公开”监管"],
  [/应急/, "安全生产和防灾减灾救灾", "安全生产、自然灾害预警和应急救援"],
  [/民政/, "基本民生保障和基层治理", "社会救助、养老服务和社会组织管理"],
  [/统计/, "统计数据发布和统计法治", "统计数据、统计公报和统计执法"],
  [/发展和改革/, "重大项目建设和经济运行", "重大项目、价格管理和规划计划"],
  [/经济和信息化/, "推进新型工业化", "产业政策、企业服务和工业运行"],
  [/司法/, "法治政府建设", "公共法律服务、行政复议和普法宣传"],
  [/水利/, "水利基础设施建设和水资源保护", "水利工程、防汛抗旱和河湖管理"],
  [/农业农村/, "乡村全面振兴", "强农惠农政策、农产品质量安全和高标准农田建设"],
  [/乡村振兴|扶贫/, "巩固拓展脱贫攻坚成果", "衔接资金、帮扶政策和项目实施"],
  [/商务/, "扩大内需和对外开放", "促消费政策、外贸外资和市场运行"],
  [/文化和旅游/, "文旅融合发展", "文化惠民、旅游市场监管和文物保护"],
];

const upperByUnit: Record<string, string> = {
  省: "省委、省政府",
  市: "市委、市政府",
  州: "州委、州政府",
  区: "区委、区政府",
  县: "县委、县政府",
  镇: "镇党委、镇政府",
  乡: "乡党委、乡政府",
};

const stripGovernment = (name: string) => name.replace(/人民政府(办公厅|办公室)?$/, "");

const regionByCode = new Map(demoRegions().map((r) => [r.code, r]));

/** The place a region code stands for, as agencies name it: 成都市锦江区, 凉山彝族自治州, 北京市朝阳区. */
function regionPlace(code: string): string | undefined {
  const region = regionByCode.get(code);
  if (!region) return undefined;
  const parent = region.parentCode === null ? undefined : regionByCode.get(region.parentCode);
  if (region.name === "市辖区") return parent?.name;
  if (region.level === "county" && region.name.endsWith("区") && parent) {
    const city = parent.name === "市辖区" ? regionByCode.get(parent.parentCode ?? "")?.name : parent.name;
    return `${city ?? ""}${region.name}`;
  }
  return region.name;
}

/** How an agency's reports speak about it. Depends on the agency alone (not on which others are generated). */
export function agencyVoice(agency: DemoAgency): AgencyVoice {
  const selfGoverning = agency.kind === "consolidated" || agency.kind === "township_government";
  const place = selfGoverning
    ? stripGovernment(agency.name)
    : (regionPlace(agency.regionCode) ?? /^.+?(?:省|自治州|市|区|县)/.exec(agency.name)?.[0] ?? agency.name);
  const unit = place.slice(-1);
  const government = governmentReportKinds.includes(agency.kind);
  let portal: string;
  const county = agency.kind === "township_government" ? regionPlace(agency.regionCode) : undefined;
  if (county !== undefined) portal = `${county}人民政府门户网站`;
  else if (selfGoverning || agency.kind === "government_office") portal = `${place}人民政府门户网站`;
  else if (agency.level === "county") portal = `${place}人民政府门户网站`;
  else portal = `${agency.name}门户网站`;
  const keyword = agency.kind === "department" ? focusByKeyword.find(([re]) => re.test(agency.name)) : undefined;
  const focus = selfGoverning
    ? "经济社会发展大局"
    : agency.kind === "government_office"
      ? "政府中心工作"
      : (keyword?.[1] ?? "中心工作");
  const areas = selfGoverning
    ? "重大决策部署、民生保障和优化营商环境"
    : agency.kind === "government_office"
      ? "政府常务会议和重要政策文件"
      : (keyword?.[2] ?? "行政权力运行和公共服务");
  return { place, unit, upper: upperByUnit[unit] ?? "上级党委、政府", portal, focus, areas, government };
}

/** The figures an overview quotes, read from the finished tables. */
export interface OverviewFigures {
  received: number;
  carriedOver: number;
  handled: number;
  carriedForward: number;
  granted: number;
  partiallyGranted: number;
  denied: number;
  unable: number;
  notProcessed: number;
  otherHandling: number;
  review: number;
  litigation: number;
  /** 2021: 本年制发件数; 2019: 本年新公开数量 (行政规范性文件 / 规章). */
  normativeDocs: number;
  rules: number;
  /** 2021 only: 现行有效 行政规范性文件. */
  normativeInForce: number | null;
  /** Last year's new applications, when known, for a year-on-year clause. */
  previousReceived: number | null;
}

export interface OverviewInput {
  rng: Rng;
  agency: DemoAgency;
  voice: AgencyVoice;
  year: number;
  edition: Edition;
  figures: OverviewFigures;
  /** Rule-22 error: the received figure the text states instead of the table's. */
  statedReceived?: number;
  /** Rule-19 error: write more than 1,000 characters. */
  tooLong?: boolean;
}

const themes: Record<number, string> = {
  2019: "以新修订的政府信息公开条例施行为契机",
  2020: "统筹推进疫情防控和经济社会发展",
  2021: "立足“十四五”开局起步",
  2022: "以迎接和学习宣传贯彻党的二十大精神为主线",
  2023: "全面贯彻落实党的二十大精神",
  2024: "深入学习贯彻党的二十届三中全会精神",
  2025: "围绕“十四五”规划圆满收官",
};

const headingSets: readonly (readonly string[])[] = [
  ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（四）平台建设情况", "（五）监督保障情况"],
  [
    "（一）主动公开方面",
    "（二）依申请公开方面",
    "（三）政府信息管理方面",
    "（四）政府信息公开平台建设方面",
    "（五）监督保障方面",
  ],
  ["（一）抓实主动公开", "（二）规范依申请公开", "（三）加强政府信息管理", "（四）强化平台建设", "（五）强化监督保障"],
];

type Extra = (v: AgencyVoice, year: number) => string;

const proactiveExtras: readonly Extra[] = [
  (v) => `围绕${v.areas}等重点领域，及时发布政策文件、工作动态和办事指南`,
  () => "坚持政策文件与解读材料同步组织、同步审签、同步部署，运用图解、短视频等形式开展解读",
  () => "通过新闻发布会、政务新媒体等渠道及时回应社会关切",
  () => "按要求更新政府信息公开指南和主动公开目录",
  () => "对涉及群众切身利益的重要决策事项开展预公开，广泛听取社会公众意见",
  () => "加大财政预决算、重大建设项目、公共资源配置等重点领域信息公开力度",
  (_v, year) =>
    year >= 2021 ? "持续做好惠企利民政策“免申即享”信息的集中公开" : "做好权责清单和公共服务事项的集中公开",
];
const requestExtras: readonly Extra[] = [
  () => "严格落实依申请公开登记、审核、办理、答复、归档等流程，确保在法定期限内答复",
  () => "主动与申请人沟通，准确把握申请人的实际需求，提高答复质量",
  () => "答复文书实行法制审核，规范告知救济途径",
  () => "建立疑难申请会商机制，会同法律顾问研究答复口径",
  () => "定期梳理依申请公开中的高频事项，符合条件的转为主动公开",
];
const managementExtras: readonly Extra[] = [
  () => "严格落实“先审查、后公开”和“一事一审”制度，做好公开前保密审查",
  () => "在公文办理环节同步确定公开属性，从源头规范政府信息管理",
  () => "对行政规范性文件实行统一登记、统一编号、统一公布",
  () => "组织开展规范性文件清理，及时公布清理结果",
  () => "完善政府信息公开工作台账，实行动态管理",
  () => "健全政府信息发布协调机制，确保发布的信息准确一致",
];
const platformExtras: readonly Extra[] = [
  (v) => `发挥${v.portal}第一平台作用，优化“政府信息公开”专栏栏目设置`,
  () => "加强政务新媒体建设管理，落实信息发布审核制度",
  () => "完善政府信息公开查阅场所功能，为群众查阅政府信息提供便利",
  (_v, year) => (year >= 2021 ? "推进门户网站适老化和无障碍改造" : "推进门户网站集约化建设"),
  () => "优化站内搜索、智能问答等功能，提升信息检索便利度",
];
const supervisionExtras: readonly Extra[] = [
  () => "调整充实政务公开工作领导小组，明确专人负责政府信息公开工作",
  (_v, year) => `${year}年共组织政务公开业务培训${(year % 3) + 2}次`,
  () => "定期开展政府信息公开工作自查，对发现的问题立行立改",
  () => "将政务公开工作纳入年度工作要点统筹推进",
  () => "认真对照上级政务公开工作要点逐项抓好落实",
];
/** Everything a long overview can add. */
const longExtras: readonly string[] = [
  "对照全年政务公开工作要点，逐项分解任务、明确责任单位和完成时限，按月调度工作进展，确保各项任务按期落地见效",
  "围绕群众关注的教育、医疗、养老、就业、住房等民生事项，编制发布办事指南和政策问答，做到一次告知、一网通查",
  "在重大政策出台前通过门户网站公开征求意见，意见采纳情况及时向社会反馈，推动公众参与决策常态化",
  "组织开展“政府开放日”活动，邀请人大代表、政协委员、企业和群众代表走进机关，现场了解政务公开和政务服务工作",
  "针对社会关注的热点问题，第一时间发布权威信息，主要负责同志带头解读政策、回应关切，有效引导社会预期",
  "加强政务公开与政务服务融合，在政务服务大厅设置政务公开专区，提供政府信息查阅、政策咨询和申请受理等服务",
  "强化政府信息公开保密审查，建立信息发布前部门初审、分管领导复审、主要领导终审的三级审核机制，坚决防止失泄密",
];

function sentences(rng: Rng, pool: readonly Extra[], voice: AgencyVoice, year: number, count: number): string[] {
  return rng.sample(pool, count).map((f) => f(voice, year));
}

function joinClauses(parts: readonly string[]): string {
  return parts.length === 0 ? "" : `${parts.join("；")}。`;
}

function proactiveCore(input: OverviewInput, items: number, interpretations: number): string {
  const { voice, figures: f, edition } = input;
  const parts = [`全年通过${voice.portal}主动公开政府信息${items}条`];
  if (edition === 2021) {
    if (f.rules > 0) parts.push(`制定政府规章${f.rules}件`);
    if (f.normativeDocs > 0) parts.push(`制发行政规范性文件${f.normativeDocs}件`);
    if (f.normativeInForce !== null && f.normativeInForce > 0 && input.rng.chance(0.5)) {
      parts.push(`截至年底现行有效行政规范性文件${f.normativeInForce}件`);
    }
  } else {
    if (f.rules > 0) parts.push(`公开政府规章${f.rules}件`);
    if (f.normativeDocs > 0) parts.push(`主动公开规范性文件${f.normativeDocs}件`);
  }
  if (interpretations > 0) parts.push(`发布政策解读${interpretations}篇`);
  return `${parts.join("，")}。`;
}

function requestsCore(input: OverviewInput): string {
  const { rng, voice, figures: f } = input;
  const received = input.statedReceived ?? f.received;
  const prefix = voice.government ? `全${voice.unit}全年共` : rng.pick(["全年共", "本年度共", "全年"]);
  const out: string[] = [];
  if (
    input.statedReceived === undefined &&
    f.received === 0 &&
    f.carriedOver === 0 &&
    f.handled === 0 &&
    f.carriedForward === 0
  ) {
    out.push(rng.pick(["全年未收到政府信息公开申请。", "本年度未收到政府信息公开申请。"]));
  } else {
    const first = [`${prefix}收到政府信息公开申请${received}件`];
    if (f.previousReceived !== null && rng.chance(0.5) && input.statedReceived === undefined) {
      const d = f.received - f.previousReceived;
      first.push(d === 0 ? "与上年持平" : `较上年${d > 0 ? "增加" : "减少"}${Math.abs(d)}件`);
    }
    if (f.carriedOver > 0) first.push(`上年结转${f.carriedOver}件`);
    first.push(`${rng.pick(["办结", "依法答复", "办理"])}政府信息公开申请${f.handled}件`);
    if (f.carriedForward > 0) first.push(`结转下年度继续办理${f.carriedForward}件`);
    else if (f.handled > 0 && rng.chance(0.5)) first.push("全部按期办结");
    out.push(`${first.join("，")}。`);
    if (f.handled > 0) {
      const outcomes = [`予以公开${f.granted}件`];
      if (f.partiallyGranted > 0) outcomes.push(`部分公开${f.partiallyGranted}件`);
      if (f.denied > 0) outcomes.push(`不予公开${f.denied}件`);
      if (f.unable > 0) outcomes.push(`无法提供${f.unable}件`);
      if (f.notProcessed > 0) outcomes.push(`不予处理${f.notProcessed}件`);
      if (f.otherHandling > 0) outcomes.push(`其他处理${f.otherHandling}件`);
      out.push(`其中，${outcomes.join("，")}。`);
    }
  }
  if (f.review === 0 && f.litigation === 0) {
    out.push(
      rng.pick([
        "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
        "本年度无因政府信息公开引发的行政复议和行政诉讼案件。",
      ]),
    );
  } else {
    out.push(`全年因政府信息公开工作被申请行政复议${f.review}件、被提起行政诉讼${f.litigation}件。`);
  }
  return out.join("");
}

function art50Sentence(rng: Rng, voice: AgencyVoice, year: number): string {
  const scope = `全${voice.unit}`;
  const assessment = rng.pick([
    `将政务公开工作纳入${scope}年度目标绩效考核，考核结果作为评价单位工作的重要依据`,
    `把政务公开工作列入${year}年度绩效考核指标体系，按季度通报考核情况`,
    "将政务公开工作纳入年度综合考核，分值权重不低于4%",
  ]);
  const evaluation = rng.pick([
    "通过政务服务“好差评”、第三方评估等方式开展社会评议，评议结果总体良好",
    "邀请人大代表、政协委员和群众代表开展社会评议，收集意见建议并逐项整改",
    "委托第三方机构开展政务公开社会评议，评议结果在门户网站公开",
  ]);
  const accountability = rng.pick([
    "本年度未发生因政府信息公开工作引发的责任追究情况",
    "本年度未发现需要进行责任追究的情形",
    "对工作推进不力的单位进行通报并督促整改，全年未发生需要责任追究的情形",
  ]);
  return `${assessment}；${evaluation}；${accountability}。`;
}

/** Section 一. */
export function overviewText(input: OverviewInput): string {
  const { rng, voice, year, agency } = input;
  const theme = themes[year] ?? "推动政务公开高质量发展";
  const subject = voice.government ? voice.place : agency.name;
  const opening = rng.pick([
    `${year}年，${subject}${theme}，坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》）和${voice.upper}关于政务公开工作的决策部署，紧紧围绕${voice.focus}，持续深化政务公开，各项工作取得新进展。`,
    `${year}年，${subject}${theme}，认真落实${voice.upper}关于全面推进政务公开的工作要求，坚持“以公开为常态、不公开为例外”，围绕${voice.focus}做好政府信息公开工作，切实保障人民群众的知情权、参与权、表达权和监督权。`,
    `${year}年，在${voice.upper}的坚强领导下，${subject}严格执行《中华人民共和国政府信息公开条例》，${theme}，聚焦${voice.focus}，推动政务公开工作提质增效。`,
  ]);
  const headings = rng.pick(headingSets);
  const scale =
    agency.level === "provincial" ? 6 : agency.level === "prefecture" ? 3 : agency.level === "county" ? 1 : 0.3;
  const items = Math.max(12, Math.round((agency.kind === "consolidated" ? 8 : 1) * scale * rng.int(180, 900)));
  const interpretations = Math.round(scale * rng.int(2, 25));
  const paragraphs: { heading: string; core: string[]; pool: readonly Extra[] }[] = [
    { heading: headings[0] ?? "", core: [proactiveCore(input, items, interpretations)], pool: proactiveExtras },
    { heading: headings[1] ?? "", core: [requestsCore(input)], pool: requestExtras },
    { heading: headings[2] ?? "", core: [], pool: managementExtras },
    { heading: headings[3] ?? "", core: [], pool: platformExtras },
    {
      heading: headings[4] ?? "",
      core: voice.government ? [art50Sentence(rng, voice, year)] : [],
      pool: supervisionExtras,
    },
  ];
  // Every paragraph gets at least one sentence of its own; more while the budget allows.
  const extras: string[][] = paragraphs.map((p) => sentences(rng, p.pool, voice, year, p.pool.length));
  const chosen: string[][] = paragraphs.map(() => []);
  const render = () =>
    [
      opening,
      ...paragraphs.map((p, i) => {
        const own = chosen[i] ?? [];
        const lead = own.length > 0 ? joinClauses(own) : "";
        return `${p.heading}。${lead}${p.core.join("")}`;
      }),
    ].join("\n");
  paragraphs.forEach((p, i) => {
    if (p.core.length === 0 || i === 0) {
      const first = extras[i]?.shift();
      if (first) chosen[i]?.push(first);
    }
  });
  // 字数 adds up over the parts (a sentence never ends in a Latin or digit run that the next continues).
  let length = countCharacters(render());
  const budget = input.edition === 2021 ? rng.int(520, 930) : rng.int(600, 1250);
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < paragraphs.length; i++) {
      if (!rng.chance(0.6)) continue;
      const next = extras[i]?.[0];
      if (next === undefined) continue;
      const added = countCharacters(next);
      if (length + added > budget) continue;
      extras[i]?.shift();
      chosen[i]?.push(next);
      length += added;
    }
  }
  if (!input.tooLong) return render();
  // Rule-19 error: everything there is to say, and then some, well over 1,000 characters.
  paragraphs.forEach((_, i) => {
    chosen[i]?.push(...(extras[i] ?? []));
  });
  let text = render();
  const target = 1000 + rng.int(20, 150);
  const tail: string[] = [];
  for (const next of rng.sample(longExtras, longExtras.length)) {
    if (countCharacters(text) > target) break;
    tail.push(next);
    text = `${render()}\n（六）其他工作。${joinClauses(tail)}`;
  }
  return text;
}

const problemPool: readonly string[] = [
  "政策解读的形式还不够丰富，图表图解、音视频等解读产品占比不高",
  "部分业务科室对政府信息公开属性源头认定把握不够准确",
  "依申请公开答复的规范性有待提升，个别答复书告知内容不够完整",
  "门户网站部分栏目信息更新不够及时",
  "政务新媒体互动回应的时效性有待增强",
  "基层政务公开标准化规范化工作推进不够平衡",
  "政务公开工作人员业务能力参差不齐，人员变动较为频繁",
  "政府信息管理的数字化水平不高，历史文件电子化归档尚未完成",
  "公众参与政策制定的渠道和形式还不够多样",
  "主动公开目录的动态调整不够及时",
  "重点领域信息公开的深度和广度有待拓展",
  "行政规范性文件清理后公开更新不够及时",
  "对社会关切的回应还不够主动，回应的针对性有待加强",
  "政府信息公开查阅场所的服务功能发挥不够充分",
  "信息发布前保密审查流程还需进一步细化",
];
const measurePool: readonly string[] = [
  "丰富解读形式，推行“图文+视频”解读，对重要政策做到应解读尽解读",
  "落实公开属性源头认定机制，在公文拟制环节同步确定公开属性",
  "修订依申请公开工作规程，推行答复文书模板化管理，组织开展答复案例评查",
  "建立栏目内容保障责任清单，实行每周检查、每月通报",
  "完善政务新媒体留言办理机制，一般留言在3个工作日内回复",
  "对照基层政务公开标准目录逐项梳理，推动标准化规范化向纵深发展",
  "每半年至少组织一次政务公开业务培训，推动工作人员熟练掌握《条例》规定",
  "推进历史文件电子化和政府信息数据库建设",
  "通过政府开放日、网上意见征集等活动拓宽公众参与渠道",
  "每年对主动公开目录开展一次全面梳理，实行动态调整",
  "聚焦重大项目、民生保障等重点领域细化公开内容",
  "建立规范性文件公开联动机制，清理结果同步在门户网站公开",
  "健全舆情收集、研判和回应机制，及时回应社会关切",
  "优化政府信息公开查阅场所设置，提供查阅、咨询、申请一站式服务",
  "完善“先审查、后公开”和“一事一审”制度，严格落实三审三校",
  "将政务公开纳入年度绩效管理，强化督促检查",
];
const ordinals = ["一", "二", "三", "四", "五"];

export interface ProblemsState {
  problems: readonly number[];
  measures: readonly number[];
}

/** Section 五: problems and improvements, never the same picks two years running (rule 23). */
export function problemsText(
  rng: Rng,
  year: number,
  subject: string,
  last: ProblemsState | null,
): { text: string; state: ProblemsState } {
  const indices = (pool: readonly string[], avoid: readonly number[] | undefined, count: number) =>
    rng.sample(
      pool.map((_, i) => i).filter((i) => !avoid?.includes(i)),
      count,
    );
  const problems = indices(problemPool, last?.problems, rng.int(2, 3));
  const measures = indices(measurePool, last?.measures, rng.int(3, 4));
  const p = problems.map((i) => problemPool[i] ?? "");
  const m = measures.map((i) => measurePool[i] ?? "");
  const numbered = (items: readonly string[]) =>
    items.map((s, i) => `${ordinals[i] ?? String(i + 1)}是${s}`).join("；");
  const followUp =
    last && rng.chance(0.6)
      ? `针对${year - 1}年度报告中提出的“${problemPool[last.problems[0] ?? 0] ?? ""}”问题，已通过${measurePool[last.measures[0] ?? 0] ?? ""}等措施完成整改。`
      : "";
  const text = rng.pick([
    () =>
      `（一）存在的主要问题\n${year}年，${subject}政府信息公开工作取得了一定成效，但仍存在一些不足：${numbered(p)}。\n（二）改进情况\n${followUp}${year + 1}年，将重点从以下方面加以改进：${numbered(m)}。`,
    () =>
      `对照《条例》要求和人民群众期待，本机关政府信息公开工作还存在以下问题：${p.join("；")}。${followUp}针对上述问题，下一步将采取以下措施：${numbered(m)}。`,
    () =>
      `主要问题：${numbered(p)}。\n改进措施：${m.map((s, i) => `（${ordinals[i] ?? String(i + 1)}）${s}。`).join("")}${followUp}`,
  ])();
  return { text, state: { problems, measures } };
}

export interface OtherInput {
  rng: Rng;
  year: number;
  edition: Edition;
  /** t3 other.feeUnpaid total (2021 edition). */
  feeUnpaid: number;
}

/** Section 六. From 2021 on it must state the information processing fee (rule 20). */
export function otherText({ rng, year, edition, feeUnpaid }: OtherInput): string {
  const extra = rng.pick([
    "",
    "",
    `本年度承办人大代表建议${rng.int(3, 40)}件、政协委员提案${rng.int(3, 40)}件，办理复文已按规定公开。`,
    `${year}年度政务公开工作要点落实情况已在门户网站政务公开专栏公开。`,
  ]);
  if (edition === 2019) {
    return extra === "" ? rng.pick(["本年度无其他需要报告的事项。", "无其他需要报告的事项。"]) : extra;
  }
  let fee: string;
  if (feeUnpaid > 0) {
    fee = `本年度依据《政府信息公开信息处理费管理办法》发出收费通知${feeUnpaid}件，申请人均未在规定期限内缴纳费用，实际未收取信息处理费。`;
  } else if (rng.chance(0.015)) {
    fee = `本年度依据《政府信息公开信息处理费管理办法》对${rng.int(1, 3)}件申请收取信息处理费，共计${rng.int(1, 8) * 100}元。`;
  } else {
    fee = rng.pick([
      "本年度未收取信息处理费。",
      `${year}年，无收取信息处理费情况。`,
      `依据《政府信息公开信息处理费管理办法》，本机关${year}年未收取信息处理费。`,
    ]);
  }
  return `${fee}${extra}`;
}

/** The unnumbered preamble: legal basis, statistical period, where to find the report. */
export function preambleText(rng: Rng, name: string, year: number, edition: Edition, portal: string): string {
  const notice =
    edition === 2019
      ? "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）"
      : "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）";
  const basis = rng.pick([
    `本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《条例》）和${notice}要求编制。`,
    `根据《中华人民共和国政府信息公开条例》（国务院令第711号）和${notice}等文件要求，${name}编制了本报告。`,
  ]);
  const parts =
    "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。";
  const period = rng.pick([
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    `本报告中所列数据统计期限为${year}年1月1日至${year}年12月31日。`,
  ]);
  const where = `本报告电子版可在${portal}“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与${name}政务公开工作机构联系。`;
  return `${basis}${rng.chance(0.5) ? parts : ""}${period}${where}`;
}
