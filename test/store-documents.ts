// Small, distinct documents for the store's concurrency and fault tests: each file is a notice in
// the seeds' style with its own 文号, title and tasks, so that no two files are one document (the
// store links a later copy of a document to the first instead of storing it twice).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CITIES = ['青山', '白河', '东川', '南岭', '西塘', '北湖', '云阳', '石门'];
const TOPICS = ['城市内涝隐患排查', '农村饮水安全巩固', '中小学校舍安全检查', '冬季供暖保障', '森林草原防火', '食品安全专项整治', '道路交通安全整治', '安全生产大检查'];
const UNITS = ['市住建局', '市水务局', '市教育局', '市应急管理局', '市市场监管局', '市公安局', '市林草局', '市交通运输局'];

/**
 * The text of notice `n` (any non-negative integer gives a different document); `edition` changes
 * its body, not its identity, so a file rewritten with another edition is the same document revised.
 */
export function noticeText(n: number, edition = 0): string {
  const city = CITIES[n % CITIES.length]!;
  const topic = TOPICS[Math.floor(n / CITIES.length) % TOPICS.length]!;
  const unit = UNITS[(n * 3 + edition) % UNITS.length]!;
  const other = UNITS[(n * 5 + 1 + edition) % UNITS.length]!;
  const year = 2020 + (n % 5);
  const number = 100 + n;
  const title = `${city}市人民政府办公室关于开展第${n + 1}批${topic}工作的通知`;
  const month = 1 + (n % 12);
  return `${[
    title,
    `${city.slice(0, 1)}政办发〔${year}〕${number}号`,
    '各区县人民政府，市政府各部门：',
    `为做好第${n + 1}批${topic}工作（第${edition + 1}稿），经市政府同意，现将有关事项通知如下。`,
    '一、主要任务',
    `1. 全面排查。各区县对辖区内重点部位逐一排查，建立问题清单，明确整改措施和完成时限。（责任单位：${unit}，各区县人民政府；完成时限：${month}月底前）`,
    `2. 限期整改。对排查发现的问题制定整改方案，倒排工期，按期完成整改，整改情况第${edition + 1}次报送。（责任单位：${other}）`,
    '二、保障措施',
    '各单位要高度重视，明确专人负责，压实工作责任，确保各项任务落到实处。',
    `${city}市人民政府办公室`,
    `${year}年${month}月${1 + (n % 27)}日`,
    '（此件公开发布）',
  ].join('\n\n')}\n`;
}

/** Writes notices `numbers` into `dir` as notice-<n>.txt and returns their paths. */
export function writeNotices(dir: string, numbers: readonly number[], edition = 0): string[] {
  mkdirSync(dir, { recursive: true });
  return numbers.map((n) => {
    const path = join(dir, `notice-${n}.txt`);
    writeFileSync(path, noticeText(n, edition));
    return path;
  });
}
