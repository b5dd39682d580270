// What Duban hangs on Fastify's instance, requests and route options.
import type { Selectable } from 'kysely';
import type { Access } from '../auth/policy.ts';
import type { User } from '../auth/users.ts';
import type { Clock } from '../calendar/clock.ts';
import type { Directory } from '../directory/index.ts';
import type { SessionTable } from '../store/schema.ts';
import type { Store } from '../store/open.ts';
import type { Searcher } from '../store/search-pool.ts';
import type { ServerSettings } from './settings.ts';

/** The signed-in person of a request. */
export interface RequestAuth {
  user: User;
  session: Selectable<SessionTable>;
}

/** A route as the permission check knows it: for the matrix test and the OpenAPI document. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    searcher: Searcher;
    clock: Clock;
    settings: ServerSettings;
    directory: Directory;
    /** Every /api route with the access it declared. */
    routeAccess: RouteAccess[];
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** What the route asks of the caller (src/auth/policy.ts). Every /api route must say. */
    access?: Access;
  }
}
