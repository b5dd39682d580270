// What the signed-in person may do. The server decides it from its one policy table and sends
// the result as Me.permissions; the UI only follows it to hide what would be refused anyway.
import { type ReactNode, useCallback } from 'react';
import type { Me, Permission } from './api-types';
import { useAuth } from './auth';

export function can(me: Me | null, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

export function useCan(): (permission: Permission) => boolean {
  const { me } = useAuth();
  return useCallback((permission: Permission) => can(me, permission), [me]);
}

/** Renders its children only for those who hold the permission. */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan()(permission) ? <>{children}</> : null;
}
