// Types of compiled.mjs, for the tests' global setup (TypeScript does not read plain .mjs here).
export declare const ROOT: string;
export declare const DIST: string;
export declare function compiledState(): 'fresh' | 'missing' | 'stale';
export declare function buildCompiled(options?: { quiet?: boolean }): number;
