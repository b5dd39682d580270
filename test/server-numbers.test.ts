// Numbers in addresses (years, page sizes, offsets, ids in a path) through the real server on both
// engines: plain decimal digits are taken, anything Number() would also read — an exponent, hex,
// a fraction, a sign, spaces — is refused with 400 and one Chinese sentence naming the field,
// never read as another number (0x10 as 16, 2e3 as 2000).
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/policy.ts';
import { serverHarness } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';

const q = encodeURIComponent;
/** What Number() reads as a number but a person did not write as one. */
const NOT_DECIMAL = ['2e3', '0x10', '1.5', ' 12', '+3', '12 ', '1_000', '0b11', '-0', '٣'];

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`numbers in query and path parameters (${dialect})`, () => {
    const h = serverHarness(dialect);
    const get = (url: string, role: Role) => h.request({ method: 'GET', url, session: h.as(role) });
    const post = (url: string, role: Role) => h.request({ method: 'POST', url, session: h.as(role), payload: {} });

    // [route with a placeholder for the value, the field, the role that may read it, a good value]
    const queries: [string, string, Role, string][] = [
      ['/api/search?q=%E9%80%9A%E7%9F%A5&year=V', 'year', 'leader', '2024'],
      ['/api/search?q=%E9%80%9A%E7%9F%A5&limit=V', 'limit', 'leader', '5'],
      ['/api/search?q=%E9%80%9A%E7%9F%A5&offset=V', 'offset', 'leader', '0'],
      ['/api/documents?year=V', 'year', 'leader', '2023'],
      ['/api/documents?offset=V', 'offset', 'leader', '10'],
      ['/api/chronicle?limit=V', 'limit', 'leader', '3'],
      ['/api/incoming?year=V', 'year', 'clerk', '2026'],
      ['/api/incoming?limit=V', 'limit', 'clerk', '20'],
      ['/api/incoming/archive?year=V', 'year', 'clerk', '2026'],
      ['/api/incoming/archive?offset=V', 'offset', 'clerk', '0'],
      ['/api/admin/audit?offset=V', 'offset', 'admin', '1'],
      ['/api/supervision/items?ledgerId=V', 'ledgerId', 'supervisor', '7'],
      ['/api/supervision/notices?limit=V', 'limit', 'supervisor', '50'],
      ['/api/units?limit=V', 'limit', 'leader', '12'],
      ['/api/directory/units?q=%E5%B8%82&limit=V', 'limit', 'clerk', '30'],
    ];

    it('refuses every number that is not plain decimal digits, in Chinese, naming the field', async () => {
      for (const [route, field, role] of queries) {
        for (const bad of NOT_DECIMAL) {
          const r = await get(route.replace('V', q(bad)), role);
          expect(r.status, `${route} with ${JSON.stringify(bad)}`).toBe(400);
          const error = (r.body as { error: string }).error;
          expect(error, route).toMatch(new RegExp(`^请求参数有误：.*${field}.*应为十进制整数`));
          expect(error.replaceAll(field, ''), 'no English besides the field\'s name').not.toMatch(/[A-Za-z]{3,}/);
        }
      }
    });

    it('takes plain digits, and keeps the bounds with their own sentences', async () => {
      for (const [route, , role, good] of queries) {
        const r = await get(route.replace('V', good), role);
        expect(r.status, `${route} with ${good}: ${r.text}`).toBe(200);
      }
      const low = await get('/api/documents?year=1899', 'leader');
      expect(low.status).toBe(400);
      expect((low.body as { error: string }).error).toMatch(/year.*不能小于 1900/);
      const high = await get('/api/search?q=x&limit=201', 'leader');
      expect((high.body as { error: string }).error).toMatch(/limit.*不能大于 200/);
      const zero = await get('/api/incoming?limit=0', 'clerk');
      expect((zero.body as { error: string }).error).toMatch(/limit.*不能小于 1/);
      // The archive's catalogue needs its year, as plain digits.
      const catalogue = await get('/api/incoming/archive.xlsx?year=0x7EA', 'clerk');
      expect(catalogue.status).toBe(400);
      expect((catalogue.body as { error: string }).error).toMatch(/year.*应为十进制整数/);
      // A leading zero is not how a number is written either.
      expect((await get('/api/documents?offset=010', 'leader')).status).toBe(400);
    });

    it('reads the ids of a path strictly too (a registration, a recipient, an assignment, an item)', async () => {
      for (const bad of ['1e0', '0x1', '1.0', '+1', '01']) {
        const r = await post(`/api/incoming/1/circulation/${q(bad)}/remind`, 'clerk');
        expect(r.status, bad).toBe(400);
        expect((r.body as { error: string }).error).toMatch(/rid.*编号应为正整数/);
        const urged = await post(`/api/incoming/1/assignments/${q(bad)}/urge`, 'clerk');
        expect(urged.status, bad).toBe(400);
        expect((urged.body as { error: string }).error).toMatch(/aid.*编号应为正整数/);
        const item = await get(`/api/supervision/items/${q(bad)}`, 'supervisor');
        expect(item.status, bad).toBe(400);
        expect((item.body as { error: string }).error).toMatch(/编号应为正整数/);
      }
      // Well formed, but nothing there: 404, not 400.
      expect((await get('/api/supervision/items/16', 'supervisor')).status).toBe(404);
    });
  });
}
