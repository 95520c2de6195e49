// The terms of a finding for 共性问题 matching: jieba with a dictionary of 巡察 terms (the stock dictionary
// splits 津补贴, 三重一大, 三会一课 …), a few synonyms folded onto one spelling (公车 = 公务用车), and words
// that say nothing about which problem it is (存在, 问题, 不规范 …) dropped. Pure: no database.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** 巡察 vocabulary that must stay one token; a high frequency makes jieba prefer it over its parts. */
const DOMAIN_TERMS = [
  '三重一大',
  '八项规定',
  '四风',
  '津补贴',
  '公务用车',
  '公车私用',
  '加油卡',
  '软弱涣散',
  '三资',
  '招投标',
  '围标串标',
  '化整为零',
  '三会一课',
  '主题党日',
  '政府采购',
  '意识形态',
  '公务接待',
  '公款吃喝',
  '白条',
  '惠民资金',
  '低保',
  '选人用人',
  '超职数',
  '党组会',
  '一岗双责',
  '主体责任',
  '巡察整改',
  '反弹回潮',
  '发放福利',
  '购物卡',
  '定点采购',
  '规避招标',
  '集体决策',
  '发展党员',
  '干部档案',
  '阵地管理',
];

/** Different spellings of one thing, folded onto the first. */
const SYNONYMS: Record<string, string> = {
  公车: '公务用车',
  津贴: '津补贴',
  招标: '招投标',
  投标: '招投标',
  采购: '政府采购',
  接待: '公务接待',
  吃喝: '公款吃喝',
  宴请: '公款吃喝',
  福利: '发放福利',
  党组: '党组会',
  党委会: '党组会',
};

/**
 * Words that say nothing about which problem it is: filler (存在, 问题 …) and the manner every finding is
 * worded in (不规范, 落实不到位, 执行不严 …) — kept, they made 选人用人程序不规范 look like 发展党员程序不规范.
 */
const STOP_WORDS = new Set([
  '到位',
  '规范',
  '落实',
  '管理',
  '执行',
  '不严',
  '不力',
  '制度',
  '程序',
  '推进',
  '把关',
  '监管',
  '薄弱',
  '严格',
  '突出',
  '缺失',
  '存在',
  '问题',
  '情况',
  '现象',
  '部分',
  '个别',
  '一些',
  '有的',
  '没有',
  '未能',
  '以来',
  '进行',
  '相关',
  '有关',
  '方面',
  '工作',
  '其中',
  '等等',
  '以及',
  '对于',
  '通过',
  '按照',
  '规定',
  '要求',
  '年度',
  '全年',
  '共计',
  '合计',
  '万元',
  '元',
  '单位',
  '局机关',
  '街道',
  '社区',
  '机关',
]);

let segmenter: Jieba | null = null;

function jieba(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    segmenter.loadDict(Buffer.from(DOMAIN_TERMS.map((t) => `${t} 100000 n`).join('\n')));
  }
  return segmenter;
}

/** jieba's part-of-speech tags of place (ns) and person (nr) names. */
const PLACE_OR_PERSON = new Set(['ns', 'nr']);

const MEANINGFUL = /[\p{Script=Han}A-Za-z]/u;

/** A term found only in the facts counts this much against one of the title (see similarPairs). */
export const FACTS_WEIGHT = 0.4;
/** 巡察 vocabulary names the problem itself (公务用车, 三重一大 …): it counts this much more. */
export const DOMAIN_BOOST = 2;
const DOMAIN = new Set(DOMAIN_TERMS);
const boosted = (term: string, weight: number) => (DOMAIN.has(term) ? weight * DOMAIN_BOOST : weight);

function termsOfText(text: string): string[] {
  const terms: string[] = [];
  for (const { word: raw, tag } of jieba().tag(text, false)) {
    const word = raw.trim();
    // place and person names (南湖, 杨柳 …) say where, not what: two findings of one township would match
    if (PLACE_OR_PERSON.has(tag) && !DOMAIN.has(word)) continue;
    const term = SYNONYMS[word] ?? word;
    if ([...term].length < 2 || !MEANINGFUL.test(term) || /\d/.test(term) || STOP_WORDS.has(term)) continue;
    terms.push(term);
  }
  return terms;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** The distinct terms of a finding: the title's at weight 1, those only in the facts at FACTS_WEIGHT, boosted. */
export function weightedTermsOf(title: string, facts: string): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const term of termsOfText(title)) weights.set(term, boosted(term, 1));
  for (const term of termsOfText(facts)) if (!weights.has(term)) weights.set(term, boosted(term, FACTS_WEIGHT));
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

/** The distinct terms of a finding's title and facts, in first-seen order. */
export function termsOf(title: string, facts: string): string[] {
  return weightedTermsOf(title, facts).map((t) => t.term);
}
