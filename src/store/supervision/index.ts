// 督查督办 in the store: commands (each one audited transaction) and reads.
export type { Command, ResolveUnit } from './common.ts';
export { openLedgerFromDocument, openLedgerByHand, addItem, issueLedger, type ItemInput } from './ledger.ts';
export { editItem, splitItem, mergeItems, dropItem, terminateItem, type ItemPatch } from './edit.ts';
export { signItem, reportProgress, claimDone, verifyDone, requestExtension, decideExtension, type ReportInput } from './actions.ts';
export { listLedgers, ledgerDetail, listItems, itemDetail, workbench, approvals, isOverdue, type ReadContext, type LightOf, type ItemFilter, type ItemRead } from './read.ts';
export { unitLookup, ledgerUnitLookup } from './units.ts';
export { ledgerWorkbook } from './ledger-export.ts';
export { attachmentFile, type AttachmentFile } from './attachments.ts';
