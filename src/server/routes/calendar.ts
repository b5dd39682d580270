// The working-day calendar: the years around today (and every imported one) with where their
// holidays come from, and the import of the State Council's yearly notice, pasted or as a file of
// any format the library reads (src/input). Reading is for anyone signed in (holidays are public
// facts, and every page that shows a deadline may want to say it is provisional); importing is
// calendar.manage. A notice that cannot be read answers 400 with each problem in Chinese.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CalendarYears, NoticeBody, NoticeError, NoticeResult } from '../../api/calendar.ts';
import { ErrorBody } from '../../api/common.ts';
import { calendarCoverage, HolidayNoticeError } from '../../calendar/index.ts';
import { InputError, readBytes } from '../../input/read.ts';
import { importHolidayNotice, loadArrangements, yearView, yearViews } from '../../store/calendar.ts';
import { actorOf } from './request-context.ts';

const tags = ['工作日历'];

export default async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.store.db;

  app.get('/api/calendar/years', { config: { access: 'signed-in' }, schema: { summary: '工作日历：去年、今年、明年及导入过的年份，各年的节假日、调休上班日与来源', tags, response: { 200: CalendarYears } } }, async () => {
    return { years: await yearViews(db, Number(app.clock.today().slice(0, 4))), coverage: calendarCoverage() };
  });

  app.post(
    '/api/calendar/notices',
    { config: { access: 'calendar.manage' }, schema: { summary: '导入国务院办公厅节假日安排通知（粘贴全文或上传文件；同一年份再次导入即替换，旧的保留；记入审计日志）', tags, body: NoticeBody, response: { 200: NoticeResult, 400: NoticeError, 403: ErrorBody } } },
    async (request, reply) => {
      const { text, file } = request.body;
      let source: { text: string; fileName: string | null };
      if (file !== undefined) {
        try {
          source = { text: (await readBytes(Buffer.from(file.content, 'base64'), file.name)).text, fileName: file.name };
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          return reply.status(400).send({ error: `读不了文件“${file.name}”：${e.message}`, problems: [e.message] });
        }
      } else source = { text: text ?? '', fileName: null };
      try {
        const result = await importHolidayNotice(db, { actor: actorOf(request), now: app.clock.now() }, source);
        return { year: yearView(result.arrangement.year, await loadArrangements(db)), replaced: result.replaced, unchanged: result.unchanged };
      } catch (e) {
        if (!(e instanceof HolidayNoticeError)) throw e;
        return reply.status(400).send({ error: `未导入：${e.message}`, problems: [...e.problems] });
      }
    },
  );
}
