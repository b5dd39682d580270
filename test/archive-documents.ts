// Letters (函) for the 归档 tests, written for them: each `n` gives a different sender, 文号 and
// subject, made in `year` (its 成文日期), so a test files documents of the years it needs.
const SENDERS = [
  { name: '松河县文化和旅游局', abbr: '松文旅' },
  { name: '松河县自然资源局', abbr: '松自然资' },
  { name: '松河县卫生健康委员会', abbr: '松卫健' },
  { name: '松河县统计局', abbr: '松统' },
  { name: '松河县医疗保障局', abbr: '松医保' },
];
const SUBJECTS = ['征集地方志资料', '报送年度统计台账', '核对不动产登记数据', '开展文物安全巡查', '组织健康知识讲座', '填报档案移交清单', '更新旅游景区名录'];

export function letterText(n: number, year: number, month = 1 + (n % 12)): string {
  const sender = SENDERS[n % SENDERS.length]!;
  const subject = SUBJECTS[Math.floor(n / SENDERS.length) % SUBJECTS.length]!;
  return `${[
    `${sender.name}关于${subject}（第${n + 1}号）的函`,
    `${sender.abbr}函〔${year}〕${20 + n}号`,
    '县政府办公室：',
    `根据工作安排，我局拟于近期${subject}，请贵办给予支持，并于${month}月${10 + (n % 15)}日前反馈联系人。`,
    '特此函告。',
    sender.name,
    `${year}年${month}月${1 + (n % 27)}日`,
  ].join('\n\n')}\n`;
}
