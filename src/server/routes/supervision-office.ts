// The office's side of 督查督办: the inbox of 三单一函 notices (unit-scoped: a unit user sees the
// notices sent to their unit, the office all), each notice's .docx and 阅知; the 月通报 (preview,
// publish as a numbered snapshot, the published ones); the rules as data; a manual tick, the same
// idempotent step as `duban supervise tick` and the scheduler. Access is the policy table's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import { BulletinView, Dispatch, DispatchQuery, Inbox, InboxQuery, MonthParams, PublishedBulletin, RulesBody, RulesView, Scores, TickView, UnitMailbox, UnitMailboxBody, YearParams } from '../../api/supervision-office.ts';
import { bulletinDocument, scoresView, scoresWorkbook } from '../../store/supervision-assessment.ts';
import { dispatchTable, dispatchWorkbook } from '../../store/supervision-dispatch.ts';
import { monthBulletin, publishBulletin } from '../../store/supervision-bulletin.ts';
import { loadRules, saveRules } from '../../store/supervision-rules.ts';
import { runTick } from '../../store/supervision-tick.ts';
import { listUnitMailboxes, setUnitMailbox } from '../../store/supervision/mail.ts';
import { listNotices, markNoticeRead, noticeDocument } from '../../store/supervision/notices.ts';
import { isKnownUnit } from '../../directory/index.ts';
import { DEFAULT_RULES } from '../../workflow/rules.ts';
import { actorOf } from './request-context.ts';
import { supervisionContext } from './supervision-context.ts';

const tags = ['督查督办'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
/** The office's name on the notices it signs, until the settings carry one. */

const attachment = (name: string, fallback: string) => `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export default async function supervisionOfficeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.store.db;
  const { scopeOf } = supervisionContext(app);
  const command = (request: FastifyRequest) => ({ actor: actorOf(request), now: app.clock.now(), today: app.clock.today(), unit: scopeOf(request) });
  const withLists = async <T extends object>(b: T) => ({ ...b, lists: (await loadRules(db)).lists });

  app.get('/api/supervision/notices', { config: { access: 'supervision.read' }, schema: { summary: '督办文书收件箱（承办单位看本单位，督查室看全部）', tags, querystring: InboxQuery, response: { 200: Inbox } } }, async (request) =>
    listNotices(db, request.query, scopeOf(request)),
  );

  app.get('/api/supervision/notices/:id.docx', { config: { access: 'supervision.read' }, schema: { summary: '督办文书（.docx，GB/T 9704）', tags, params: IdParams, response: { 200: z.unknown().meta({ description: '.docx 文件' }), ...errors } } }, async (request, reply) => {
    const doc = await noticeDocument(db, request.params.id, scopeOf(request), app.settings.office);
    return reply.header('content-type', DOCX).header('content-disposition', attachment(`${doc.kind}-${doc.number}.docx`, 'notice.docx')).send(doc.buffer);
  });

  app.post('/api/supervision/notices/:id/read', { config: { access: 'supervision.act' }, schema: { summary: '阅知督办文书（本单位）', tags, params: IdParams, response: { 200: z.object({ readAt: z.string() }), ...errors } } }, async (request) => ({
    readAt: await markNoticeRead(db, command(request), request.params.id),
  }));

  app.get('/api/supervision/bulletins', { config: { access: 'supervision.read' }, schema: { summary: '已发布的督查通报', tags, response: { 200: z.array(PublishedBulletin) } } }, async () => {
    const rows = await db.selectFrom('supervision_bulletins').selectAll().orderBy('year', 'desc').orderBy('seq', 'desc').execute();
    return rows.map((r) => ({ month: r.month, number: (JSON.parse(r.snapshot) as { number: string }).number, year: r.year, seq: r.seq, publishedAt: r.published_at, publishedBy: r.published_by, totals: (JSON.parse(r.snapshot) as { totals: z.infer<typeof BulletinView>['totals'] }).totals }));
  });

  app.get('/api/supervision/bulletins/:month', { config: { access: 'supervision.read' }, schema: { summary: '月通报（已发布的快照，或未发布时按现有数据预览）', tags, params: MonthParams, response: { 200: BulletinView, ...errors } } }, async (request) =>
    withLists(await monthBulletin(db, request.params.month)),
  );

  app.get('/api/supervision/bulletins/:month.docx', { config: { access: 'supervision.read' }, schema: { summary: '月通报（.docx，GB/T 9704；已发布的快照，或未发布时的预览）', tags, params: MonthParams, response: { 200: z.unknown().meta({ description: '.docx 文件' }), ...errors } } }, async (request, reply) => {
    const doc = await bulletinDocument(db, request.params.month, app.clock.today(), app.settings.office);
    return reply.header('content-type', DOCX).header('content-disposition', attachment(doc.name, 'bulletin.docx')).send(doc.buffer);
  });

  app.post('/api/supervision/bulletins/:month/publish', { config: { access: 'supervision.manage' }, schema: { summary: '发布月通报（第N期，发布后不再随数据变化）', tags, params: MonthParams, response: { 200: BulletinView, ...errors } } }, async (request) =>
    withLists(await publishBulletin(db, { actor: actorOf(request), now: app.clock.now(), today: app.clock.today() }, request.params.month)),
  );

  // 分级调度: the office's monthly round over every lead unit, a lead unit's half-monthly round over its own.
  const dispatchOf = (request: FastifyRequest, query: z.infer<typeof DispatchQuery>) =>
    dispatchTable(db, { period: query.period, lead: query.lead ?? null, scope: scopeOf(request) }, app.clock.today());

  app.get('/api/supervision/dispatch', { config: { access: 'supervision.read' }, schema: { summary: '调度表（督查室按月调度牵头单位，牵头单位按半月调度责任单位；承办单位看本单位）', tags, querystring: DispatchQuery, response: { 200: Dispatch, ...errors } } }, async (request) =>
    dispatchOf(request, request.query),
  );

  app.get('/api/supervision/dispatch.xlsx', { config: { access: 'supervision.read' }, schema: { summary: '调度表（.xlsx，每个牵头单位一个工作表）', tags, querystring: DispatchQuery, response: { 200: z.unknown().meta({ description: '.xlsx 文件' }), ...errors } } }, async (request, reply) => {
    const table = await dispatchOf(request, request.query);
    const buffer = await dispatchWorkbook(table);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`${table.period}表.xlsx`, 'dispatch.xlsx')).send(buffer);
  });

  app.get('/api/supervision/scores', { config: { access: 'supervision.read' }, schema: { summary: '年度考核得分（每一分对应其事由）', tags, querystring: YearParams, response: { 200: Scores, ...errors } } }, async (request) =>
    scoresView(db, request.query.year, app.clock.today()),
  );

  app.get('/api/supervision/scores.xlsx', { config: { access: 'supervision.read' }, schema: { summary: '年度考核（.xlsx：考核汇总与计分明细）', tags, querystring: YearParams, response: { 200: z.unknown().meta({ description: '.xlsx 文件' }), ...errors } } }, async (request, reply) => {
    const year = request.query.year;
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`${year}年度督查督办考核.xlsx`, 'scores.xlsx')).send(await scoresWorkbook(db, year, app.clock.today()));
  });

  app.get('/api/supervision/rules', { config: { access: 'supervision.read' }, schema: { summary: '督办规则（三单一函、亮灯、红黑榜、考核分值）', tags, response: { 200: RulesView } } }, async () => {
    const row = await db.selectFrom('supervision_rules').select(['updated_at', 'updated_by']).where('key', '=', 'rules').executeTakeFirst();
    return { rules: await loadRules(db), defaults: DEFAULT_RULES, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
  });

  app.put('/api/supervision/rules', { config: { access: 'supervision.rules' }, schema: { summary: '修改督办规则（记入审计日志）', tags, body: RulesBody, response: { 200: RulesView, ...errors } } }, async (request) => {
    const rules = await saveRules(db, { actor: actorOf(request), now: app.clock.now() }, request.body);
    return { rules, defaults: DEFAULT_RULES, updatedAt: app.clock.now().toISOString(), updatedBy: actorOf(request).name };
  });

  app.post('/api/supervision/tick', { config: { access: 'supervision.manage' }, schema: { summary: '立即签发到期的督办文书（与定时任务相同，可重复执行）', tags, response: { 200: TickView } } }, async (request) =>
    runTick(app.store, { clock: app.clock, actor: actorOf(request) }),
  );

  app.get('/api/supervision/mailboxes', { config: { access: 'supervision.rules' }, schema: { summary: '各单位接收督办文书的邮箱', tags, response: { 200: z.array(UnitMailbox) } } }, async () => listUnitMailboxes(db));

  app.put('/api/supervision/mailboxes', { config: { access: 'supervision.rules' }, schema: { summary: '设置（或取消）单位接收督办文书的邮箱（记入审计日志）', tags, body: UnitMailboxBody, response: { 200: UnitMailbox, ...errors } } }, async (request) =>
    setUnitMailbox(db, command(request), request.body.unit, request.body.address, (unit) => isKnownUnit(app.directory, unit)),
  );
}
