// 拟办 draft: measured on seed 002 against the proposal the receiving office wrote on its slip.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../src/pipeline.ts';
import { receiverOfSlip } from '../src/directory/index.ts';
import { draftProposal, proposedAction, type LeaderArea } from '../src/workflow/proposal.ts';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const goldFile = join(shared, 'gold', 'routing_slip.json');
type GoldProposal = { submitTo: string[]; circulateTo: string[]; lead: string; cooperating: string[]; action: string };
const gold = existsSync(goldFile) ? (JSON.parse(readFileSync(goldFile, 'utf8')) as { file: string; slip: { proposal: GoldProposal } }) : null;

describe.skipIf(gold === null)('拟办 draft on seed 002', () => {
  it('gets the lead, the cooperating units and the action from the document', () => {
    const result = parseText(readFileSync(join(shared, 'seeds', gold!.file), 'utf8'), gold!.file);
    const slip = result.routingSlip!;
    const want = gold!.slip.proposal;
    // The receiver comes from the office that keeps the slip, not from the proposal it wrote.
    const receiver = receiverOfSlip([slip.office!])!;
    expect(receiver).not.toBeNull();
    // The leaders' table an administrator would keep: the party secretary takes party documents,
    // the leadership team reads every document; a vice director whose area does not match stays out.
    const leaders: LeaderArea[] = [
      { leader: '王洪江', role: '呈', areas: ['中共', '党委', '市委'] },
      { leader: '班子成员', role: '阅', areas: ['*'] },
      { leader: '李某', role: '呈', areas: ['财政预算'] },
    ];
    const docs = result.documents.filter((d) => d.tasks.length > 0);
    const draft = draftProposal({ fromUnit: slip.fromUnit, docNumber: slip.docNumber, title: slip.title, documents: docs, receiver, leaders });
    const cooperatingRight = draft.cooperating.filter((u) => want.cooperating.includes(u)).length;
    const checks: Record<string, boolean> = {
      submitTo: JSON.stringify(draft.submitTo) === JSON.stringify(want.submitTo),
      circulateTo: JSON.stringify(draft.circulateTo) === JSON.stringify(want.circulateTo),
      lead: draft.lead === want.lead,
      cooperating: new Set(draft.cooperating).size === want.cooperating.length && cooperatingRight === want.cooperating.length,
      action: draft.action === want.action,
    };
    const right = Object.values(checks).filter(Boolean).length;
    console.log(`拟办 draft on 002: ${right}/5 fields right ${JSON.stringify(checks)}; cooperating ${cooperatingRight}/${want.cooperating.length} found, ${draft.cooperating.length - cooperatingRight} extra; unmapped ${draft.unmapped.length}`);
    expect(draft.lead).toBe(want.lead);
    expect(draft.action).toBe(want.action);
    expect(right).toBeGreaterThanOrEqual(4);
    expect(draft.text).toContain(`请${want.lead}牵头`);
  });
});

describe('proposedAction', () => {
  it('asks for a plan for opinions, carrying out for notices, nothing without measures', () => {
    expect(proposedAction('关于加快发展的实施意见', 3)).toBe('制定实施方案');
    expect(proposedAction('关于做好防汛工作的通知', 2)).toBe('抓好贯彻落实');
    expect(proposedAction('关于做好防汛工作的通知', 0)).toBeNull();
  });
});
