import { get } from '../../../lib/api-client';
import type { AuditEvent, AuditQuery, Page } from '../../../lib/api-types';

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) => get<Page<AuditEvent>>('/api/admin/audit', { ...query }, signal);
