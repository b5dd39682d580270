// The messages a request's bad fields get when a schema words none of its own: Chinese only, no
// type or origin names in English (zod's zh-CN locale leaves "string", "undefined", "NaN" in).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChronicleQuery } from '../src/api/library.ts';
import { zodMessages } from '../src/server/zod-messages.ts';

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value, { error: zodMessages });
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => i.message);
}

const Login = z.object({ username: z.string().max(20), password: z.string().min(8) }).strict();

describe('zod messages in Chinese', () => {
  it('word missing fields, wrong types, sizes and unknown fields without English', () => {
    const all = [
      ...messages(Login, {}),
      ...messages(Login, { username: 42, password: 5 }),
      ...messages(Login, { username: 'x'.repeat(21), password: 'short' }),
      ...messages(Login, { username: 'a', password: 'longenough', extra: 1 }),
      ...messages(z.object({ n: z.coerce.number().int().min(1).max(10) }), { n: 'abc' }),
      ...messages(z.object({ n: z.coerce.number().int().min(1).max(10) }), { n: '11' }),
      ...messages(z.union([z.string(), z.number()]), true),
    ];
    expect(all).toEqual(['必须填写', '必须填写', '应为文字', '应为文字', '不能超过 20 个字', '至少 8 个字', '不认识的字段：extra', '应为数字', '不能大于 10', '格式有误']);
    for (const m of all) expect(m).not.toMatch(/\b(string|number|undefined|NaN|object|array|expected|received)\b/i);
  });

  it('refuse impossible chronicle days with the reason, and take a day of every year', () => {
    for (const bad of ['2023-02-30', '2023-13-45', '--13-45', '--02-30']) {
      expect(messages(ChronicleQuery, { date: bad })).toEqual(['日期不存在']);
    }
    expect(messages(ChronicleQuery, { date: '14-07-2023' })).toEqual(['日期格式应为 YYYY-MM-DD 或 --MM-DD']);
    for (const good of ['2024-02-29', '--02-29', '--07-14']) expect(ChronicleQuery.safeParse({ date: good }).success).toBe(true);
  });
});
