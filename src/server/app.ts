// The HTTP server: Fastify with its plugins loaded in layers — errors, security (Host allow-list,
// helmet), authentication (session cookie, CSRF), permissions (the policy table, one check for
// every route; before any route is declared, so that none escapes it), OpenAPI — then one route
// module per area, then the web application. The store,
// the clock, the settings and the unit directory hang on the instance; every route declares the
// access it needs and has zod schemas for what it takes and returns.
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Clock } from '../calendar/clock.ts';
import { defaultDirectory, type Directory } from '../directory/index.ts';
import type { Store } from '../store/open.ts';
import { inProcessSearcher, type Searcher } from '../store/search-pool.ts';
import './fastify-types.ts';
import authPlugin from './plugins/auth.ts';
import errorsPlugin from './plugins/errors.ts';
import openapiPlugin from './plugins/openapi.ts';
import permissionsPlugin from './plugins/permissions.ts';
import securityPlugin from './plugins/security.ts';
import webPlugin from './plugins/web.ts';
import adminRoutes from './routes/admin.ts';
import authRoutes from './routes/auth.ts';
import calendarRoutes from './routes/calendar.ts';
import importRoutes from './routes/imports.ts';
import incomingRoutes from './routes/incoming.ts';
import incomingPrintRoutes from './routes/incoming-print.ts';
import incomingArchiveRoutes from './routes/incoming-archive.ts';
import incomingAssignRoutes from './routes/incoming-assign.ts';
import incomingPeopleRoutes from './routes/incoming-people.ts';
import libraryRoutes from './routes/library.ts';
import publicRoutes from './routes/public.ts';
import supervisionRoutes from './routes/supervision.ts';
import supervisionAttachmentRoutes from './routes/supervision-attachments.ts';
import supervisionOfficeRoutes from './routes/supervision-office.ts';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from './settings.ts';

export interface ServerDeps {
  store: Store;
  /** What searches run through (a worker pool in `duban serve`); the server closes it when it closes. Default: in this thread. */
  searcher?: Searcher;
  clock: Clock;
  settings?: Partial<ServerSettings>;
  directory?: Directory;
  /** Fastify's logger option (pino): false in tests, a rotating file stream in `duban serve`. */
  logger?: FastifyServerOptions['logger'];
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const settings: ServerSettings = { ...DEFAULT_SERVER_SETTINGS, ...deps.settings };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: settings.bodyLimit,
    // Behind a proxy of the public URL, the client's address comes from X-Forwarded-For.
    trustProxy: settings.publicUrl !== null,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('store', deps.store);
  const searcher = deps.searcher ?? inProcessSearcher(deps.store);
  app.decorate('searcher', searcher);
  app.addHook('onClose', () => searcher.close());
  app.decorate('clock', deps.clock);
  app.decorate('settings', settings);
  app.decorate('directory', deps.directory ?? defaultDirectory());

  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(authPlugin);
  await app.register(permissionsPlugin);
  // Answers compressed on the fly past 2 kB (before the routes, whose replies it hooks; the web
  // application's files come compressed from the build).
  await app.register(compress, { global: true, threshold: 2048, encodings: ['br', 'gzip'] });
  await app.register(openapiPlugin);

  await app.register(authRoutes);
  await app.register(libraryRoutes);
  await app.register(importRoutes);
  await app.register(incomingRoutes);
  await app.register(incomingPrintRoutes);
  await app.register(incomingArchiveRoutes);
  await app.register(incomingAssignRoutes);
  await app.register(incomingPeopleRoutes);
  await app.register(adminRoutes);
  await app.register(publicRoutes);
  await app.register(supervisionRoutes);
  await app.register(supervisionAttachmentRoutes);
  await app.register(supervisionOfficeRoutes);
  await app.register(calendarRoutes);

  await app.register(webPlugin);
  await app.ready();
  return app;
}
