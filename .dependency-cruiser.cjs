// Imports run one way (SPEC.md, "Layout"): the pure stages at the bottom, the store above them,
// the server and the CLI on top. `npm run lint` (part of `npm test`) fails on any import against
// that direction; test/lint.test.ts proves each rule bites on a fixture tree.
//
// Layers, bottom to top:
//   src/types.ts, src/calendar/, src/text/           the bottom: import only each other
//   src/directory/                                    units and divisions
//   src/parse/                                        text → documents, outlines, sections
//   src/extract/                                      documents → tasks
//   src/pipeline.ts                                   the stages in order
// beside them src/links/, src/classify/, src/report/, src/input/ (pure stages over the bottom,
// the directory and parse) and src/workflow/ (the pure supervision core); above all of them
// src/store/ → src/auth/ → src/server/ → src/cli/, and web/ (through src/api/ only). src/notify/
// (mail) sits beside the store: the server and the CLI use it, the pure stages never.
//
// `npm run lint` cruises src/; when web/ arrives, add it there (test/lint.test.ts checks).

/** The bottom layer, and what each layer may import: itself and everything below it. */
const BOTTOM = 'src/(types\\.ts$|calendar/|text/)';
const UP_TO_DIRECTORY = `src/(types\\.ts$|calendar/|text/|directory/)`;
const UP_TO_PARSE = `src/(types\\.ts$|calendar/|text/|directory/|parse/)`;
const UP_TO_EXTRACT = `src/(types\\.ts$|calendar/|text/|directory/|parse/|extract/)`;

/** The pure stages: text in, data out. Never the disk, the database, the network. */
const PURE = '^src/(types\\.ts$|calendar/|text/|directory/|parse/|extract/|links/|classify/|report/|input/|workflow/|pipeline\\.ts$)';
/** The pure stages that do not read files today (directory loads its data files, input reads the file it is given). */
const DISKLESS = '^src/(types\\.ts$|calendar/|text/|parse/|extract/|links/|classify/|report/|workflow/|pipeline\\.ts$)';
/** Packages that are infrastructure: the database drivers, the query builder, the web server. */
const INFRASTRUCTURE = '(^|/)node_modules/(kysely|better-sqlite3|pg|fastify|fastify-[^/]+|@fastify/[^/]+|nodemailer)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes two modules one: neither can be read, tested or moved without the other, and the order in which ES modules initialise decides which sees the other half-built (parse → extract → workflow/calendar → parse/dates was one).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'bottom-imports-only-bottom',
      severity: 'error',
      comment:
        'types.ts, calendar/ and text/ are what every stage builds on; if one of them imported a stage, every stage would depend on every other through it.',
      from: { path: `^${BOTTOM}` },
      to: { path: '^src/', pathNot: `^${BOTTOM}` },
    },
    {
      name: 'directory-over-bottom',
      severity: 'error',
      comment: 'The unit directory is data and lookups; parse and extract use it, so it cannot use them.',
      from: { path: '^src/directory/' },
      to: { path: '^src/', pathNot: `^${UP_TO_DIRECTORY}` },
    },
    {
      name: 'parse-below-extract',
      severity: 'error',
      comment:
        'Parsing returns documents with empty tasks; extraction is the next stage and src/pipeline.ts runs them in order. A parser that called the extractor would make the order a hidden call chain.',
      from: { path: '^src/parse/' },
      to: { path: '^src/', pathNot: `^${UP_TO_PARSE}` },
    },
    {
      name: 'extract-below-pipeline',
      severity: 'error',
      comment: 'Extraction reads what parse produced and nothing above it: not the pipeline, not a side stage, not the store.',
      from: { path: '^src/extract/' },
      to: { path: '^src/', pathNot: `^${UP_TO_EXTRACT}` },
    },
    {
      name: 'pipeline-over-stages',
      severity: 'error',
      comment: 'The pipeline lists the pure stages in order; it is below the store and everything that runs it.',
      from: { path: '^src/pipeline\\.ts$' },
      to: { path: '^src/', pathNot: PURE },
    },
    {
      name: 'side-stages-over-parse',
      severity: 'error',
      comment:
        'links, classify, report and input are pure stages over the bottom, the directory and parse. They do not import each other or extract, so each can be used (and tested) alone; widen this with a reason when one needs more.',
      from: { path: '^src/(links|classify|report|input)/' },
      to: { path: '^src/', pathNot: `^(${UP_TO_PARSE}|src/$1/)` },
    },
    {
      name: 'pure-stages-no-infrastructure',
      severity: 'error',
      comment:
        'Pure stages take text and return data (SPEC.md): no store, server, auth or CLI, no database driver, no query builder, no web server. That is what lets the same code run in a worker, a test or the browser.',
      from: { path: PURE },
      to: { path: [`^src/(store|server|auth|cli|notify)/`, INFRASTRUCTURE] },
    },
    {
      name: 'pure-stages-no-disk',
      severity: 'error',
      comment:
        'Pure stages never touch the disk: callers bring the text. (src/directory/ loads its own data files and src/input/ reads the file it is given; the others must not start.)',
      from: { path: DISKLESS },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'store-below-server',
      severity: 'error',
      comment: 'The store is the data layer the server, auth and the CLI share; it knows nothing of requests, sessions or commands.',
      from: { path: '^src/store/' },
      to: { path: '^src/(server|auth|cli)/' },
    },
    {
      name: 'auth-below-server',
      severity: 'error',
      comment: 'Users, sessions and the policy table are used by the server and the CLI; they must not depend on either.',
      from: { path: '^src/auth/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'server-below-cli',
      severity: 'error',
      comment: 'The CLI starts the server, not the other way round; the server must run without the command line (tests, other hosts).',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'notify-below-server',
      severity: 'error',
      comment:
        'Mail (src/notify/) sends what it is given; the server and the CLI decide what and to whom. It knows nothing of requests, commands, sessions or the store, so it can be tested against a bare SMTP server.',
      from: { path: '^src/notify/' },
      to: { path: '^src/(server|cli|auth|store)/' },
    },
    {
      name: 'migrations-frozen',
      severity: 'error',
      comment:
        'A migration is frozen in time (Kysely): it must give the same schema in a year as today, so it imports nothing of the application, which will change, only other files of src/store/migrations/.',
      from: { path: '^src/store/migrations/' },
      to: { path: '^src/', pathNot: '^src/store/migrations/' },
    },
    {
      name: 'web-through-api',
      severity: 'error',
      comment:
        'The browser application talks to the server over HTTP: from src/ it may import only the API types (src/api/), the policy table the server enforces (src/auth/policy.ts) and its password rule (src/auth/password-policy.ts), never the store or the server itself.',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/(api/|auth/policy\\.ts$|auth/password-policy\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
