// Every migration of the store, in order, one per file. Kysely's Migrator records which ran and
// holds a lock, so two processes opening one store do not migrate twice.
//
// A migration is frozen once it has shipped: it never changes, and it imports nothing from the
// application — only kysely and the helpers in this folder, which are frozen too — so that an old
// store upgraded years from now runs exactly what was reviewed then (a lint rule, see
// .dependency-cruiser.cjs, enforces the imports). Derived data that the application's code
// computes (the search index) is not filled by migrations: they mark it stale (index-stale.ts)
// and the current code rebuilds it (../index-format.ts). Names sort in the order they run; never
// rename, edit or remove one that shipped.
import type { Migration } from 'kysely';
import type { Dialect } from './dialect.ts';
import { migration as library } from './0001_library.ts';
import { migration as titleIndex } from './0002_title_index.ts';
import { migration as pgRecentIndex } from './0003_pg_recent_index.ts';
import { migration as rankText } from './0004_rank_text.ts';
import { migration as pgCoarseBuckets } from './0005_pg_coarse_buckets.ts';
import { migration as rankTexts } from './0006_rank_texts.ts';
import { migration as pgAdjacencyKeys } from './0007_pg_adjacency_keys.ts';
import { migration as storeMeta } from './0008_store_meta.ts';
import { migration as accounts } from './0009_accounts.ts';
import { migration as auditContext } from './0010_audit_context.ts';
import { migration as documentAccess } from './0011_document_access.ts';
import { migration as documentIdentity } from './0012_document_identity.ts';
import { migration as supervision } from './0013_supervision.ts';
import { migration as incoming } from './0015_incoming.ts';
import { migration as auditChain } from './0016_audit_chain.ts';
import { migration as calendar } from './0017_calendar.ts';
import { migration as incomingInstruct } from './0018_incoming_instruct.ts';
import { migration as noticeMail } from './0020_notice_mail.ts';
import { migration as incomingAssign } from './0021_incoming_assign.ts';
import { migration as incomingArchive } from './0022_incoming_archive.ts';
import { migration as taskLeaders } from './0023_task_leaders.ts';

export type { Dialect };

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_library': library(dialect),
    '0002_title_index': titleIndex(dialect),
    '0003_pg_recent_index': pgRecentIndex(dialect),
    '0004_rank_text': rankText(dialect),
    '0005_pg_coarse_buckets': pgCoarseBuckets(dialect),
    '0006_rank_texts': rankTexts(dialect),
    '0007_pg_adjacency_keys': pgAdjacencyKeys(dialect),
    '0008_store_meta': storeMeta(),
    '0009_accounts': accounts(dialect),
    '0010_audit_context': auditContext(),
    '0011_document_access': documentAccess(),
    '0012_document_identity': documentIdentity(dialect),
    '0013_supervision': supervision(dialect),
    '0015_incoming': incoming(dialect),
    '0016_audit_chain': auditChain(dialect),
    '0017_calendar': calendar(dialect),
    '0018_incoming_instruct': incomingInstruct(dialect),
    '0020_notice_mail': noticeMail(dialect),
    '0021_incoming_assign': incomingAssign(dialect),
    '0022_incoming_archive': incomingArchive(dialect),
    '0023_task_leaders': taskLeaders(),
  };
}
