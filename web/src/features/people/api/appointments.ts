import { get } from '../../../lib/api-client';
import type { Appointment } from '../../../lib/api-types';

export const fetchAppointments = (query: { person?: string; post?: string; limit?: number }, signal?: AbortSignal) =>
  get<Appointment[]>('/api/appointments', { ...query, limit: query.limit ?? 1000 }, signal);
