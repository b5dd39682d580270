// Targets: numbers with units and the words that say how they bound the result.
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../src/extract/target.ts';
import type { Target } from '../src/types.ts';

const one = (text: string): Target => {
  const targets = parseTargets(text);
  expect(targets, text).toHaveLength(1);
  return targets[0]!;
};

describe('comparisons', () => {
  it.each<[string, Target]>([
    ['企业研发经费投入占比达到1%', { text: '达到1%', value: 1, unit: '%', op: '>=' }],
    ['群众满意度不低于95%', { text: '不低于95%', value: 95, unit: '%', op: '>=' }],
    ['行政村覆盖率86%以上', { text: '86%以上', value: 86, unit: '%', op: '>=' }],
    ['带动农牧户1000户以上', { text: '1000户以上', value: 1000, unit: '户', op: '>=' }],
    ['全区考核排名不低于第5位', { text: '排名不低于第5位', value: 5, unit: '位', op: '<=', rank: true }],
    ['知识产权质押融资额累计达到5亿元', { text: '累计达到5亿元', value: 5, unit: '亿元', op: '>=' }],
    ['全市网络零售额超25亿元', { text: '超25亿元', value: 25, unit: '亿元', op: '>' }],
    ['新增电商直播市场主体400家以上', { text: '400家以上', value: 400, unit: '家', op: '>=' }],
    ['培养本土带货主播50人以上', { text: '50人以上', value: 50, unit: '人', op: '>=' }],
    ['生活污水处理设施比率年递增10%以上', { text: '年递增10%以上', value: 10, unit: '%', op: '>=', change: 'increase', perYear: true }],
    ['管网漏损率力争控制在9%以内', { text: '力争控制在9%以内', value: 9, unit: '%', op: '<=' }],
    ['单位产值能耗下降10%', { text: '下降10%', value: 10, unit: '%', op: '>=', change: 'decrease' }],
    ['网络零售额年均增幅10%以上', { text: '年均增幅10%以上', value: 10, unit: '%', op: '>=', change: 'increase', perYear: true }],
    ['专利代理师报考人员超过2000 人次', { text: '超过2000人次', value: 2000, unit: '人次', op: '>' }],
    ['路网密度力争达到8.2公里/平方公里以上', { text: '力争达到8.2公里/平方公里以上', value: 8.2, unit: '公里/平方公里', op: '>=' }],
    ['高价值专利拥有量达到175 件左右', { text: '达到175件左右', value: 175, unit: '件', op: '=' }],
    ['补助最高不超过20万元', { text: '不超过20万元', value: 20, unit: '万元', op: '<=' }],
    ['空置率低于5%', { text: '低于5%', value: 5, unit: '%', op: '<' }],
    ['研发投入强度提高2个百分点', { text: '提高2个百分点', value: 2, unit: '个百分点', op: '>=', change: 'increase' }],
    ['综合排名进入全区前3名', { text: '进入全区前3名', value: 3, unit: '名', op: '<=', rank: true }],
    ['营商环境评价位居全区第一位', { text: '位居全区第一位', value: 1, unit: '位', op: '=', rank: true }],
    ['办事满意度百分之九十五以上', { text: '百分之九十五以上', value: 95, unit: '%', op: '>=' }],
    ['每年至少举办1 次知识产权服务活动', { text: '至少举办1次', value: 1, unit: '次', op: '>=' }],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });
});

describe('planned work and ranges', () => {
  it('takes the number after a verb of planned work as a floor', () => {
    expect(one('举办各类电商实用技能培训60场')).toEqual({ text: '培训60场', value: 60, unit: '场', op: '>=' });
    expect(one('累计培训2000人次')).toEqual({ text: '累计培训2000人次', value: 2000, unit: '人次', op: '>=' });
    expect(one('新增电商品牌10个')).toMatchObject({ text: '新增电商品牌10个', value: 10, op: '>=' });
    expect(one('新增400家以上企业入驻')).toMatchObject({ text: '400家以上', value: 400, op: '>=' });
  });

  it('reads a range as its lower end with the upper end kept', () => {
    expect(one('每年举办10~15 次全市范围的知识产权培训')).toEqual({ text: '举办10~15次', value: 10, upper: 15, unit: '次', op: '>=' });
    expect(one('每年开展1-2次商标侵权专项整治')).toMatchObject({ value: 1, upper: 2, unit: '次' });
  });
});

describe('the year a target is for', () => {
  it('follows 到2025年 to the end of its sentence', () => {
    const targets = parseTargets('2023年新增品牌10个，到2025年，新增电商品牌超过20个。全市网络零售额超25亿元');
    expect(targets.map((t) => [t.value, t.year])).toEqual([
      [10, 2023],
      [20, 2025],
      [25, undefined],
    ]);
  });
});

describe('table cells', () => {
  it.each<[string, Target]>([
    ['40%', { text: '40%', value: 40, unit: '%' }],
    ['>99%', { text: '>99%', value: 99, unit: '%', op: '>' }],
    ['≥95%', { text: '≥95%', value: 95, unit: '%', op: '>=' }],
    ['90% (城镇)', { text: '90%', value: 90, unit: '%' }],
    ['60万平方米 (2023-2025 年)', { text: '60万平方米', value: 60, unit: '万平方米' }],
    ['8.2公里/ 平方公里', { text: '8.2公里/平方公里', value: 8.2, unit: '公里/平方公里' }],
    ['4.2万 平方米', { text: '4.2万平方米', value: 4.2, unit: '万平方米' }],
    ['逐年递增 10%', { text: '逐年递增10%', value: 10, unit: '%', op: '>=', change: 'increase', perYear: true }],
    ['１０００户', { text: '1000户', value: 1000, unit: '户' }],
    ['1,000户', { text: '1,000户', value: 1000, unit: '户' }],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });
});

describe('not targets', () => {
  it.each([
    ['根据《通知》（通政办发〔2023〕63号）要求'],
    ['第三条 本办法自2023年5月1日起施行'],
    ['（完成时限：3 月底前）'],
    ['到2025年，基本完成2005年底前建成的老旧小区改造任务'],
    ['对年销售额达到500万元的企业，给予一次性奖励'],
    ['研发经费占主营业务收入的比重不低于5%的企业'],
    ['生活垃圾日清运量超过300吨的地区，要加快发展焚烧处理'],
    ['施工合同额低于300万且签订施工合同前一年内承建的工程未发生拖欠工资的，可免于存储工资保证金'],
    ['推进12345 与110 高效对接联动'],
    ['《内蒙古自治区线下“全区通办”事项清单（156 项）》'],
    ['按照不低于1:10杠杆比例撬动合作银行'],
    ['推进“一件事一次办”，实现一次办结'],
    ['落实“十四五”规划，细化三医协同'],
    ['PM2.5平均浓度'],
    ['聚焦规模以上工业增加值、500 万元以上固定资产投资'],
    ['减少一次性消费品和包装用材'],
    ['县城新建住宅以6层为主'],
    ['15天以内办结'],
    ['（一）（二）1.（1）'],
    ['每月3日前报送'],
    [''],
  ])('%s', (text) => {
    expect(parseTargets(text)).toEqual([]);
  });
});

describe('several in one sentence', () => {
  it('reads each, in order', () => {
    const text = '到2025年，市级各部门及旗县市区累计开展公益直播活动超30场，全市农村牧区生活污水治理率达到25%，城镇燃气普及率达到98%。';
    expect(parseTargets(text).map((t) => `${t.op}${t.value}${t.unit}@${t.year}`)).toEqual(['>30场@2025', '>=25%@2025', '>=98%@2025']);
  });

  it('reads traditional characters and full-width digits', () => {
    expect(parseTargets('滿意度達到９５％以上，培訓２０００人次以上')).toEqual([
      { text: '达到95%以上', value: 95, unit: '%', op: '>=' },
      { text: '2000人次以上', value: 2000, unit: '人次', op: '>=' },
    ]);
  });
});
