// Mail of 督办文书 on both engines, against a real SMTP server on the loopback: the office sets
// each unit's address (a history, audited; a bad address or an unknown unit refused in Chinese);
// a tick's notices are mailed with their .docx to the address set before they were issued; a
// refused address is tried MAIL_ATTEMPTS times and logged, then left alone; nothing is mailed
// twice; the inbox shows when a notice was mailed; the scheduler mails after its tick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerFrom } from '../src/notify/mail.ts';
import { startSupervisionScheduler } from '../src/server/scheduler.ts';
import { deliverNotices, MAIL_ATTEMPTS } from '../src/store/supervision/mail.ts';
import { openDocx } from './docx-open.ts';
import { decodeWords, leaves, param, parsePart, startSmtpSink, type SmtpSink } from './mail-parse.ts';
import { serverHarness, TEST_UNIT } from './server-harness.ts';
import { DIALECTS } from './store-targets.ts';
import { insertItem, insertLedger } from './supervision-rows.ts';

const OTHER = '通辽市财政局';
const OFFICE = '科尔沁区人民政府督查室';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

const mailer = () => mailerFrom({ DUBAN_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, DUBAN_SMTP_FROM: `督查室 <dcs@duban.example>` });

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`mail of notices (${dialect})`, () => {
    let mine = 0;
    const h = serverHarness(dialect, {
      now: '2026-12-03T08:50:00+08:00',
      settings: { office: OFFICE },
      setup: async (store) => {
        const ledger = await insertLedger(store.db);
        mine = await insertItem(store.db, ledger, { units: [['lead', TEST_UNIT]], deadline: '2026-12-08', issuedOn: '2026-11-20', text: '完成老旧小区供热管网改造' });
        await insertItem(store.db, ledger, { units: [['lead', OTHER]], deadline: '2026-12-08', issuedOn: '2026-11-20', text: '拨付供热补贴资金' });
      },
    });
    const setMailbox = (unit: string, address: string | null) => h.request({ method: 'PUT', url: '/api/supervision/mailboxes', payload: { unit, address }, session: h.as('supervisor') });
    const attempts = (address: string) => h.store.db.selectFrom('notice_mail').select(['sent', 'error']).where('address', '=', address).orderBy('id').execute();

    it('sets a unit’s address; refuses an unknown unit and a bad address in Chinese, writing nothing', async () => {
      const ok = await setMailbox(TEST_UNIT, ' zjj@duban.example ');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ unit: TEST_UNIT, address: 'zjj@duban.example', setBy: 'supervisor' });
      const unknown = await setMailbox('某某市不存在局', 'a@duban.example');
      expect(unknown.status).toBe(400);
      expect((unknown.body as { error: string }).error).toMatch(/不在单位名录中/);
      const bad = await setMailbox(OTHER, 'cz@@duban');
      expect(bad.status).toBe(400);
      expect((bad.body as { error: string }).error).toMatch(/不是有效的邮件地址/);
      expect((await setMailbox(OTHER, 'nobody@refused.example')).status).toBe(200);
      const list = (await h.request({ method: 'GET', url: '/api/supervision/mailboxes', session: h.as('supervisor') })).body as { unit: string; address: string }[];
      expect(list.map((m) => [m.unit, m.address])).toEqual([
        [OTHER, 'nobody@refused.example'],
        [TEST_UNIT, 'zjj@duban.example'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
      const events = await h.store.db.selectFrom('audit_events').select(['action', 'actor']).where('action', '=', 'supervision.mailbox.set').execute();
      expect(events).toHaveLength(2);
    });

    it('mails each notice of a tick with its .docx to the unit’s address, once; a refused address is tried three times and logged', async () => {
      h.clock.set('2026-12-03T09:00:00+08:00');
      const tick = await h.request({ method: 'POST', url: '/api/supervision/tick', session: h.as('supervisor') });
      expect(tick.body).toMatchObject({ notices: [{}, {}] });
      const before = sink.received.length;
      const first = await deliverNotices(h.store.db, mailer(), OFFICE, h.clock);
      expect(first.sent.map((s) => [s.number, s.address])).toEqual([['提醒〔2026〕1号', 'zjj@duban.example']]);
      expect(first.failed.map((f) => [f.number, f.address])).toEqual([['提醒〔2026〕2号', 'nobody@refused.example']]);
      expect(first.failed[0]!.error).toMatch(/拒收了发件人或收件人地址/);

      expect(sink.received.length).toBe(before + 1);
      const mail = sink.received.at(-1)!;
      expect(mail.to).toEqual(['zjj@duban.example']);
      const message = parsePart(mail.raw);
      expect(decodeWords(message.headers.get('subject')!)).toBe('提醒单 提醒〔2026〕1号：完成老旧小区供热管网改造');
      const parts = leaves(message);
      const text = parts.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? ''))!.body.toString('utf8');
      expect(text).toContain(`${TEST_UNIT}：`);
      expect(text).toContain('完成时限：2026-12-08');
      expect(text.trim().endsWith(OFFICE)).toBe(true);
      const attached = parts.find((p) => /attachment/i.test(p.headers.get('content-disposition') ?? ''))!;
      expect(param(attached.headers.get('content-disposition')!, 'filename')).toBe('提醒单-提醒〔2026〕1号.docx');
      const doc = await openDocx(attached.body);
      expect(doc.text).toContain('提醒〔2026〕1号');
      expect(doc.text).toContain('完成老旧小区供热管网改造');
      expect(doc.lines).toContain(OFFICE);

      // Again and again: nothing new for the delivered one; the refused one until its tries are used up.
      for (let run = 2; run <= MAIL_ATTEMPTS + 1; run++) {
        h.clock.advance(60_000);
        const again = await deliverNotices(h.store.db, mailer(), OFFICE, h.clock);
        expect(again.sent).toEqual([]);
        expect(again.failed).toHaveLength(run <= MAIL_ATTEMPTS ? 1 : 0);
      }
      expect(sink.received.length).toBe(before + 1);
      expect((await attempts('zjj@duban.example')).map((a) => a.sent)).toEqual([1]);
      const refused = await attempts('nobody@refused.example');
      expect(refused.map((a) => a.sent)).toEqual(Array.from({ length: MAIL_ATTEMPTS }, () => 0));
      expect(refused.every((a) => /拒收/.test(a.error ?? ''))).toBe(true);

      const inbox = (await h.request({ method: 'GET', url: '/api/supervision/notices', session: h.as('supervisor') })).body as { items: { number: string; mailedAt: string | null }[] };
      expect(inbox.items.map((n) => [n.number, n.mailedAt !== null])).toEqual([
        ['提醒〔2026〕2号', false],
        ['提醒〔2026〕1号', true],
      ]);
      const mailed = await h.store.db.selectFrom('audit_events').select(['entity_id', 'actor']).where('action', '=', 'supervision.notice.mailed').execute();
      expect(mailed).toEqual([{ entity_id: mine, actor: 'system' }]);
    });

    it('a new address reaches the notices issued after it, not the old ones; the old address stays in the history', async () => {
      expect((await setMailbox(OTHER, 'cz@duban.example')).status).toBe(200);
      const result = await deliverNotices(h.store.db, mailer(), OFFICE, h.clock);
      expect(result).toEqual({ sent: [], failed: [] });
      const history = await h.store.db.selectFrom('unit_mailboxes').select(['address', 'replaced_at']).where('unit', '=', OTHER).orderBy('id').execute();
      expect(history.map((r) => [r.address, r.replaced_at !== null])).toEqual([
        ['nobody@refused.example', true],
        ['cz@duban.example', false],
      ]);
      // Removing the address: the unit is no longer listed.
      expect((await setMailbox(OTHER, null)).status).toBe(200);
      const list = (await h.request({ method: 'GET', url: '/api/supervision/mailboxes', session: h.as('supervisor') })).body as { unit: string }[];
      expect(list.map((m) => m.unit)).toEqual([TEST_UNIT]);
    });

    it('the scheduler mails what its tick issues', async () => {
      // 2026-12-04: a second item of the unit due 2026-12-09 gets its 提醒单 today.
      const ledger = await insertLedger(h.store.db);
      await insertItem(h.store.db, ledger, { units: [['lead', TEST_UNIT]], deadline: '2026-12-09', issuedOn: '2026-11-20', text: '公布供暖投诉电话' });
      h.clock.set('2026-12-04T09:00:00+08:00');
      const before = sink.received.length;
      const log = { info: () => {}, error: (o: object, msg: string) => { throw new Error(`${msg} ${JSON.stringify(o)}`); } };
      const scheduler = startSupervisionScheduler(h.store, h.clock, log, { mail: { sender: mailer(), office: OFFICE } });
      await scheduler.idle();
      await scheduler.stop();
      expect(sink.received.length).toBe(before + 1);
      expect(decodeWords(parsePart(sink.received.at(-1)!.raw).headers.get('subject')!)).toMatch(/^提醒单 提醒〔2026〕3号：公布供暖投诉电话$/);
    });
  });
}
