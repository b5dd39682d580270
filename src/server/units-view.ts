// The 单位 page's data: the units the store's tasks name, with what the directory knows of them
// (aliases, level, jurisdiction), and the collectives the documents use (各旗县市区 …) with the
// units they stand for in the issuer's jurisdiction.
import { jurisdictionOf, listUnits, resolveUnit, type Directory, type ListedUnit } from '../directory/index.ts';
import type { Store } from '../store/open.ts';
import { unitNamesInUse, unitTaskCounts } from '../store/read.ts';

const CATEGORY_LABEL: Record<ListedUnit['category'], string> = {
  party: '党委工作机关',
  discipline: '纪检监察机关',
  government: '政府工作部门',
  institution: '事业单位',
  legislature: '人大、政协',
  judicial: '法院、检察院',
  mass: '群团组织',
  zone: '开发区管委会',
  vertical: '垂直管理单位',
  enterprise: '企业',
  division: '下级政府',
  receiver: '收文单位部门',
};

export async function unitsWithCounts(store: Store, directory: Directory, q: string | undefined, limit: number) {
  const known = new Map<string, ListedUnit>();
  for (const u of listUnits(directory)) if (!known.has(u.name)) known.set(u.name, u);
  return (await unitTaskCounts(store, q, limit)).map((c) => {
    const u = known.get(c.name);
    return {
      name: c.name,
      aliases: u?.aliases ?? [],
      jurisdiction: u?.jurisdiction ?? null,
      category: u ? CATEGORY_LABEL[u.category] : null,
      tasks: c.tasks,
    };
  });
}

export async function collectivesInUse(store: Store, directory: Directory) {
  const out = new Map<string, { name: string; jurisdiction: string; members: string[] }>();
  for (const use of await unitNamesInUse(store)) {
    const jurisdiction = jurisdictionOf(use.issuers, use.docNumber, directory);
    const r = resolveUnit(use.name, jurisdiction, directory);
    if (r.kind !== 'collective' || !r.members?.length || r.jurisdiction === null) continue;
    const name = r.canonical ?? use.name;
    const key = `${r.jurisdiction}|${name}`;
    if (!out.has(key)) out.set(key, { name, jurisdiction: r.jurisdiction, members: r.members });
  }
  return [...out.values()].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction, 'zh') || a.name.localeCompare(b.name, 'zh'));
}
