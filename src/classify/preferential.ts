// 惠企政策: a document whose measures give enterprises money or relief — subsidies, rewards,
// interest subsidies, tax, fee or rent relief, financing support, 纾困. The public library lists
// these in their own area (seed 003 asks for one).
//
// A document is preferential when enough of its sentences both grant relief and name an
// enterprise as the one who gets it: 对…企业给予一次性30万元补贴. Relief alone is not enough
// (an emergency plan grants 补助 to the people who helped; a 随军家属 measure pays living
// allowances to families), nor is one stray sentence in a long plan. The title of a relief
// package (惠企, 纾困, 若干政策措施, 奖补办法) lowers the bar, because its whole text is that kind of
// measure.
import { CueMatcher } from './cue-matcher.ts';

type CueKind = 'relief' | 'enterprise';

/** Words of a grant or a relief to be given. */
const RELIEF = [
  '补贴', '补助', '奖补', '奖励', '贴息', '资助', '减免', '免征', '减征', '减半征收', '税收优惠', '税费优惠', '即征即退',
  '退税', '加计扣除', '缓缴', '免收', '减税降费', '降费', '减租', '免租', '纾困', '风险补偿', '担保费', '扶持资金',
  '专项资金', '资金扶持', '以奖代补', '融资担保', '续贷', '降低融资成本', '降低用地成本', '降低用能成本', '租金',
];
/** Words naming the beneficiary as a business. */
const ENTERPRISE = ['企业', '市场主体', '经营主体', '个体工商户', '商户', '中小微', '小微', '民营', '厂商', '投资者', '项目单位'];
/** Title words of a relief package. */
const PACKAGE_TITLE = /惠企|助企|纾困|减负|扶持|奖补|奖励|补贴|补助|贴息|若干政策|政策措施|支持.{0,12}发展的.{0,6}措施|稳经济|稳增长/;

const matcher = new CueMatcher<CueKind>([
  ...RELIEF.map((word) => ({ word, value: 'relief' as const })),
  ...ENTERPRISE.map((word) => ({ word, value: 'enterprise' as const })),
]);

/** Characters that end a sentence (or a list item) in the reflowed body: 。；！？ and a line break. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x0a;
}

/** Relief sentences needed when the title names no relief package. */
const MIN_SENTENCES = 3;
/** … and how dense they must be: sentences per 10,000 characters of body. */
const MIN_DENSITY = 2;
/** Relief sentences needed when the title names a relief package. */
const MIN_SENTENCES_PACKAGE = 2;

export interface PreferentialReading {
  preferential: boolean;
  /** Sentences that grant relief to enterprises. */
  sentences: number;
  /** The title names a relief package. */
  packageTitle: boolean;
}

/** Counts the sentences of `body` that hold both a relief word and an enterprise word (one pass). */
function reliefSentences(body: string): number {
  const matches = matcher.scan(body);
  let count = 0;
  let m = 0;
  let relief = false;
  let enterprise = false;
  for (let i = 0; i <= body.length && m <= matches.length; i++) {
    while (m < matches.length && matches[m]!.start < i) {
      if (matches[m]!.value === 'relief') relief = true;
      else enterprise = true;
      m++;
    }
    if (i === body.length || endsSentence(body.charCodeAt(i))) {
      if (relief && enterprise) count++;
      relief = false;
      enterprise = false;
      if (i === body.length) break;
    }
  }
  return count;
}

export function readPreferential(title: string, body: string): PreferentialReading {
  const sentences = reliefSentences(body);
  const packageTitle = PACKAGE_TITLE.test(title);
  const density = (sentences * 10_000) / Math.max(body.length, 1);
  const preferential = packageTitle ? sentences >= MIN_SENTENCES_PACKAGE : sentences >= MIN_SENTENCES && density >= MIN_DENSITY;
  return { preferential, sentences, packageTitle };
}
