import { post, request } from '../../../lib/api-client';
import type { LoginRequest, Me, Ok, PasswordChange } from '../../../lib/api-types';

/** A 401 here means wrong credentials (or a locked account), not a lost session. */
export const login = (body: LoginRequest) => request<Me>('/api/auth/login', { method: 'POST', body, expect401: true });

export const changePassword = (body: PasswordChange) => post<Ok>('/api/auth/password', body);
