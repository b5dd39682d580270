// 督查督办's routes. Who may call each is the policy table's (supervision.read / .manage / .act);
// which items a unit user sees and acts on is decided by the store's commands from their unit
// (another unit's item does not exist to them: 404). Each write is one audited transaction.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../api/common.ts';
import {
  Approvals,
  ClaimBody,
  DecideBody,
  ExtensionBody,
  ExtensionView,
  IssueBody,
  ItemDetail,
  ItemPage,
  ItemPatchBody,
  ItemQuery,
  ItemView,
  LedgerDetail,
  LedgerSummary,
  MergeBody,
  NewItemBody,
  OpenLedgerBody,
  ReasonBody,
  ReportBody,
  SplitBody,
  VerifyBody,
  Workbench,
} from '../../api/supervision.ts';
import * as sv from '../../store/supervision/index.ts';
import { supervisionContext } from './supervision-context.ts';

const tags = ['督查督办'];
const read = { access: 'supervision.read' as const };
const manage = { access: 'supervision.manage' as const };
const act = { access: 'supervision.act' as const };
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export default async function supervisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.store.db;

  const { command, reading, item } = supervisionContext(app);

  app.get('/api/supervision/ledgers', { config: read, schema: { summary: '台账列表', tags, response: { 200: z.array(LedgerSummary) } } }, async () => sv.listLedgers(db, app.clock.today()));

  app.post('/api/supervision/ledgers', { config: manage, schema: { summary: '立项：从文件或领导批示件、会议议定事项建立台账', tags, body: OpenLedgerBody, response: { 200: LedgerDetail, ...errors } } }, async (request) => {
    const b = request.body;
    const id = b.sourceKind === 'document' ? await sv.openLedgerFromDocument(db, command(request), b.documentId, app.directory) : await sv.openLedgerByHand(db, command(request), b);
    return sv.ledgerDetail(db, id, await reading(request));
  });

  app.get('/api/supervision/ledgers/:id', { config: read, schema: { summary: '台账及其事项', tags, params: IdParams, response: { 200: LedgerDetail, 404: ErrorBody } } }, async (request) => {
    const detail = await sv.ledgerDetail(db, request.params.id, await reading(request));
    const scope = (await reading(request)).scope;
    // A unit user sees the ledger's items that are theirs, and only once issued.
    return scope === null ? detail : { ...detail, items: detail.items.filter((i) => i.state !== 'draft' && i.state !== 'dropped' && i.units.some((u) => u.canonical === scope)), unresolvedUnits: [] };
  });

  app.post('/api/supervision/ledgers/:id/items', { config: manage, schema: { summary: '手工新增事项', tags, params: IdParams, body: NewItemBody, response: { 200: ItemView, ...errors } } }, async (request) =>
    item(request, await sv.addItem(db, command(request), request.params.id, request.body, app.directory)),
  );

  app.post('/api/supervision/ledgers/:id/merge', { config: manage, schema: { summary: '合并草稿事项', tags, params: IdParams, body: MergeBody, response: { 200: ItemView, ...errors } } }, async (request) =>
    item(request, await sv.mergeItems(db, command(request), request.params.id, request.body.itemIds)),
  );

  app.post('/api/supervision/ledgers/:id/issue', { config: manage, schema: { summary: '交办（全部或所选草稿事项）', tags, params: IdParams, body: IssueBody, response: { 200: LedgerDetail, ...errors } } }, async (request) => {
    await sv.issueLedger(db, command(request), request.params.id, request.body.itemIds);
    return sv.ledgerDetail(db, request.params.id, await reading(request));
  });

  app.get(
    '/api/supervision/ledgers/:id/ledger.xlsx',
    { config: read, schema: { summary: '导出督办台账（.xlsx，按页面筛选）', tags, params: IdParams, querystring: ItemQuery.omit({ ledgerId: true, limit: true, offset: true }), response: { 200: z.unknown().meta({ description: '.xlsx 文件（二进制，Fastify 不经序列化原样发送）' }), 404: ErrorBody } } },
    async (request, reply) => {
      const { buffer, title } = await sv.ledgerWorkbook(db, request.params.id, request.query, await reading(request));
      const name = `${title.slice(0, 60)}-督办台账-${app.clock.today()}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buffer);
    },
  );

  app.get('/api/supervision/items', { config: read, schema: { summary: '督办事项（筛选、分页）', tags, querystring: ItemQuery, response: { 200: ItemPage } } }, async (request) => sv.listItems(db, request.query, await reading(request)));

  app.get('/api/supervision/items/:id', { config: read, schema: { summary: '督办事项详情（进展、延期、督办文书、办理记录）', tags, params: IdParams, response: { 200: ItemDetail, 404: ErrorBody } } }, async (request) =>
    sv.itemDetail(db, request.params.id, await reading(request)),
  );

  app.patch('/api/supervision/items/:id', { config: manage, schema: { summary: '修改事项', tags, params: IdParams, body: ItemPatchBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.editItem(db, command(request), request.params.id, request.body, app.directory);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/split', { config: manage, schema: { summary: '拆分草稿事项', tags, params: IdParams, body: SplitBody, response: { 200: z.array(ItemView), ...errors } } }, async (request) => {
    const ids = await sv.splitItem(db, command(request), request.params.id, request.body.version, request.body.texts);
    return Promise.all(ids.map((id) => item(request, id)));
  });

  app.post('/api/supervision/items/:id/drop', { config: manage, schema: { summary: '不予立项', tags, params: IdParams, body: ReasonBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.dropItem(db, command(request), request.params.id, request.body.version, request.body.reason);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/terminate', { config: manage, schema: { summary: '终止督办', tags, params: IdParams, body: ReasonBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.terminateItem(db, command(request), request.params.id, request.body.version, request.body.reason);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/sign', { config: act, schema: { summary: '签收', tags, params: IdParams, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.signItem(db, command(request), request.params.id);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/reports', { config: act, schema: { summary: '报送进展', tags, params: IdParams, body: ReportBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.reportProgress(db, command(request), request.params.id, request.body);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/claim', { config: act, schema: { summary: '申请办结', tags, params: IdParams, body: ClaimBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.claimDone(db, command(request), request.params.id, request.body.version, request.body.summary);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/verify', { config: manage, schema: { summary: '核验办结（通过或退回）', tags, params: IdParams, body: VerifyBody, response: { 200: ItemView, ...errors } } }, async (request) => {
    await sv.verifyDone(db, command(request), request.params.id, request.body.version, request.body.accept, request.body.opinion);
    return item(request, request.params.id);
  });

  app.post('/api/supervision/items/:id/extensions', { config: act, schema: { summary: '申请延期', tags, params: IdParams, body: ExtensionBody, response: { 200: ExtensionView, ...errors } } }, async (request) => {
    const id = await sv.requestExtension(db, command(request), request.params.id, request.body.asked, request.body.reason);
    const detail = await sv.itemDetail(db, request.params.id, await reading(request));
    return detail.extensions.find((e) => e.id === id)!;
  });

  app.post('/api/supervision/extensions/:id/decide', { config: manage, schema: { summary: '审批延期（批准或驳回）', tags, params: IdParams, body: DecideBody, response: { 200: ExtensionView, ...errors } } }, async (request) => {
    const itemId = await sv.decideExtension(db, command(request), request.params.id, request.body.approve, request.body.opinion);
    const detail = await sv.itemDetail(db, itemId, await reading(request));
    return detail.extensions.find((e) => e.id === request.params.id)!;
  });

  app.get('/api/supervision/workbench', { config: act, schema: { summary: '我的任务（本单位）', tags, response: { 200: Workbench } } }, async (request) => sv.workbench(db, request.auth!.user.unit, await reading(request)));

  app.get('/api/supervision/approvals', { config: manage, schema: { summary: '待审批：延期申请与办结申请', tags, response: { 200: Approvals } } }, async (request) => sv.approvals(db, await reading(request)));
}
