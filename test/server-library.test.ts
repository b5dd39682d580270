// The library's API over the imported seeds, signed in, on both engines: search with facets, a
// 文号 in any spelling, documents with outline, tasks and links, units and collectives,
// appointments, the chronicle, the home page's figures; reads of non-public documents audited.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../src/store/import.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS, testClock } from './store-targets.ts';

const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const haveSeeds = existsSync(join(seedsDir, '000_2754e8a7c3ece080.txt'));
const q = encodeURIComponent;

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available || !haveSeeds)(`library API on ${dialect}`, () => {
    const h = serverHarness(dialect, { setup: async (store) => void (await importPaths(store, [seedsDir], testClock)) });
    const get = async (url: string, role: 'leader' | 'unit' | 'admin' = 'leader') => h.request({ method: 'GET', url, session: h.as(role) });

    it('describes every route in OpenAPI, outputs included', async () => {
      const r = await get('/api/openapi.json');
      expect(r.status).toBe(200);
      const doc = r.body as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
      expect(doc.openapi).toMatch(/^3\./);
      for (const p of ['/api/search', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/outline', '/api/documents/{id}/tasks', '/api/units', '/api/appointments', '/api/chronicle', '/api/auth/login', '/api/admin/users']) {
        expect(Object.keys(doc.paths)).toContain(p);
      }
      // Responses are described, not just requests.
      expect(doc.paths['/api/documents/{id}']!.get!.responses['200']!.content).toBeDefined();
    });

    it('searches with facets and finds 通辽办发〔2023〕35号 first for 知识产权质押融资', async () => {
      const r = await get(`/api/search?q=${q('知识产权质押融资')}&limit=3`);
      expect(r.status).toBe(200);
      const body = r.body as { hits: { docNumber: string; snippet: string }[]; total: number; facets: { kind: { value: string; count: number }[]; unit: { value: string }[] } };
      expect(body.hits[0]!.docNumber).toBe('通辽办发〔2023〕35号');
      expect(body.hits[0]!.snippet).toContain('<mark>');
      expect(body.total).toBeGreaterThanOrEqual(body.hits.length);
      expect(body.facets.kind.reduce((n, f) => n + f.count, 0)).toBe(body.total);
      // Units are counted by their canonical names only.
      expect(body.facets.unit.map((u) => u.value)).not.toContain('市市场监管局');
      const onlyTasks = await get(`/api/search?q=${q('知识产权质押融资')}&kind=task`);
      expect((onlyTasks.body as { hits: { kind: string }[] }).hits.every((x) => x.kind === 'task')).toBe(true);
      const bad = await get('/api/search?q=&limit=0');
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toMatch(/^请求参数有误/);
      expect((bad.body as { error: string }).error).not.toMatch(/[A-Za-z]{6,}/);
    });

    it('finds a document by its 文号 written with [] for 〔〕', async () => {
      const r = await get(`/api/search?q=${q('通政办发[2023]63号')}`);
      expect((r.body as { hits: { docNumber: string }[] }).hits[0]!.docNumber).toBe('通政办发〔2023〕63号');
    });

    it('lists documents in pages and returns one with its outline, tasks and links', async () => {
      const list = await get('/api/documents?year=2023&limit=100');
      const page = list.body as { items: { id: number; docNumber: string; validity: string }[]; total: number };
      expect(page.total).toBe(22);
      expect(page.items.length).toBe(22);
      const doc191 = page.items.find((d) => d.docNumber === '通政发〔2023〕191号')!;
      const one = await get(`/api/documents/${doc191.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ docNumber: '通政发〔2023〕191号', issuer: ['通辽市人民政府'], date: '2023-11-21' });
      expect((one.body as { links: unknown[] }).links).toContainEqual(expect.objectContaining({ relation: 'repeals', docNumber: '通政办字〔2007〕62号', documentId: null }));
      const outline = await get(`/api/documents/${doc191.id}/outline`);
      expect((outline.body as unknown[]).length).toBeGreaterThan(0);
      const tasks = await get(`/api/documents/${doc191.id}/tasks`);
      expect(tasks.status).toBe(200);
      expect((await get('/api/documents/999999')).status).toBe(404);
      for (const bad of ['abc', '1e3', '0x10', '007', '-1']) expect((await get(`/api/documents/${bad}`)).status).toBe(400);
    });

    it('gives tasks with their units by role and the line they stand on', async () => {
      const found = await get(`/api/search?q=${q('通辽办发〔2023〕35号')}`);
      const id = (found.body as { hits: { documentId: number }[] }).hits[0]!.documentId;
      const tasks = (await get(`/api/documents/${id}/tasks`)).body as { text: string; line: number | null; leads: { name: string }[]; responsible: { canonical: string | null }[] }[];
      expect(tasks.length).toBeGreaterThan(3);
      expect(tasks.every((t) => typeof t.line === 'number' && t.line > 0)).toBe(true);
      expect(tasks.some((t) => t.leads.length + t.responsible.length > 0)).toBe(true);
    });

    it('answers appointments, chronicle, units and collectives', async () => {
      const a = await get(`/api/appointments?post=${q('市水务局副局长')}`);
      expect((a.body as { person: string }[]).map((x) => x.person)).toEqual(expect.arrayContaining(['马力蛟', '李建国']));
      const c = await get('/api/chronicle?date=2023-07-14');
      expect((c.body as { date: string; text: string }[]).some((e) => e.date === '2023-07-14' && e.text.includes('双月述评会'))).toBe(true);
      for (const bad of ['14-07-2023', '2023-13-45', '2023-02-30']) expect((await get(`/api/chronicle?date=${bad}`)).status).toBe(400);
      const u = (await get('/api/units?limit=500')).body as { name: string; aliases: string[]; jurisdiction: string | null; tasks: number }[];
      const zone = u.find((x) => x.name === '通辽经济技术开发区管理委员会')!;
      expect(zone.aliases.length).toBeGreaterThan(0);
      expect(zone.jurisdiction).toBe('通辽市');
      expect(zone.tasks).toBeGreaterThan(10);
      // % typed in the box is a character, not a wildcard.
      expect((await get(`/api/units?q=${q('%')}`)).body).toEqual([]);
      const coll = (await get('/api/collectives')).body as { name: string; members: string[] }[];
      expect(coll.find((x) => x.name === '各旗县市区')?.members).toContain('科尔沁区');
    });

    it('counts the library for the home page', async () => {
      const s = (await get('/api/stats')).body as { documents: number; tasks: number; byYear: { value: string; count: number }[]; latest: unknown[] };
      expect(s.documents).toBe(30);
      expect(s.tasks).toBe(177);
      expect(s.byYear.reduce((n, y) => n + y.count, 0)).toBeLessThanOrEqual(30);
      expect(s.latest.length).toBeGreaterThan(0);
    });

    it('records who read a document that is not public, and not the reads of public ones', async () => {
      const docs = ((await get('/api/documents?limit=100')).body as { items: { id: number; access: string }[] }).items;
      const internal = docs.find((d) => d.access === 'internal')!;
      const open = docs.find((d) => d.access === 'public')!;
      await get(`/api/documents/${internal.id}`, 'unit');
      await get(`/api/documents/${open.id}`, 'unit');
      const audit = (await get(`/api/admin/audit?action=read&actor=unit`, 'admin')).body as { items: { entityId: number; actor: string }[] };
      expect(audit.items.map((e) => e.entityId)).toContain(internal.id);
      expect(audit.items.map((e) => e.entityId)).not.toContain(open.id);
    });
  });
}
