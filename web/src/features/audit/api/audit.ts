import { get } from '../../../lib/api-client';
import type { AuditEvent, Page } from '../../../lib/api-types';

export interface AuditQuery {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) => get<Page<AuditEvent>>('/api/admin/audit', { ...query }, signal);
