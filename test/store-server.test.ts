// The HTTP API through fastify.inject, on both engines, over the imported seeds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { importPaths } from '../src/store/import.ts';
import { DIALECTS, freshStore, testClock } from './store-targets.ts';

const seedsDir = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const haveSeeds = existsSync(join(seedsDir, '000_2754e8a7c3ece080.txt'));

for (const { dialect, available } of DIALECTS) {
  const suite = available && haveSeeds ? describe : describe.skip;
  suite(`HTTP API on ${dialect}`, () => {
    const fresh = freshStore(dialect);
    let app: FastifyInstance;
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url });
      return { status: r.statusCode, body: r.json() as unknown };
    };

    beforeAll(async () => {
      await importPaths(fresh.store, [seedsDir], testClock);
      app = await buildServer(fresh.store);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('describes itself in OpenAPI', async () => {
      const r = await get('/api/openapi.json');
      expect(r.status).toBe(200);
      const doc = r.body as { openapi: string; paths: Record<string, unknown> };
      expect(doc.openapi).toMatch(/^3\./);
      for (const p of ['/api/search', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/outline', '/api/documents/{id}/tasks', '/api/units', '/api/appointments', '/api/chronicle']) {
        expect(Object.keys(doc.paths)).toContain(p);
      }
    });

    it('searches, with filters, and validates the request', async () => {
      const r = await get(`/api/search?q=${encodeURIComponent('知识产权质押融资')}&limit=3`);
      expect(r.status).toBe(200);
      expect((r.body as { docNumber: string }[])[0]!.docNumber).toBe('通辽办发〔2023〕35号');
      const appointments = await get(`/api/search?q=${encodeURIComponent('市水务局副局长')}&kind=appointment`);
      expect((appointments.body as { kind: string }[]).every((h) => h.kind === 'appointment')).toBe(true);
      const bad = await get('/api/search?q=&limit=0');
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toContain('请求参数有误');
    });

    it('lists documents and returns one with its outline, tasks and links', async () => {
      const list = await get('/api/documents?year=2023&limit=100');
      const docs = list.body as { id: number; docNumber: string; validity: string }[];
      expect(docs.length).toBe(22);
      const doc191 = docs.find((d) => d.docNumber === '通政发〔2023〕191号')!;
      const one = await get(`/api/documents/${doc191.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ docNumber: '通政发〔2023〕191号', issuer: ['通辽市人民政府'], date: '2023-11-21' });
      expect((one.body as { links: { relation: string; docNumber: string }[] }).links).toContainEqual(
        expect.objectContaining({ relation: 'repeals', docNumber: '通政办字〔2007〕62号', documentId: null }),
      );
      const outline = await get(`/api/documents/${doc191.id}/outline`);
      expect((outline.body as { label: string }[]).length).toBeGreaterThan(0);
      const tasks = await get(`/api/documents/${doc191.id}/tasks`);
      expect(tasks.status).toBe(200);
      expect(Array.isArray(tasks.body)).toBe(true);
      expect((await get('/api/documents/999999')).status).toBe(404);
      expect((await get('/api/documents/abc')).status).toBe(400);
    });

    it('answers appointments, chronicle and units', async () => {
      const a = await get(`/api/appointments?post=${encodeURIComponent('市水务局副局长')}`);
      expect((a.body as { person: string }[]).map((x) => x.person)).toEqual(expect.arrayContaining(['马力蛟', '李建国']));
      const c = await get('/api/chronicle?date=2023-07-14');
      const entries = c.body as { date: string; text: string }[];
      expect(entries.some((e) => e.date === '2023-07-14' && e.text.includes('双月述评会'))).toBe(true);
      expect((await get('/api/chronicle?date=14-07-2023')).status).toBe(400);
      const u = await get('/api/units?limit=5');
      expect(u.status).toBe(200);
      expect(Array.isArray(u.body)).toBe(true);
    });
  });
}
