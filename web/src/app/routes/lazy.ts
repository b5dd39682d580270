import { type ComponentType, lazy } from 'react';

/**
 * React.lazy for a module's named export, so every page is its own chunk; `preload` starts
 * loading the chunk before the page is rendered (the browser fetches a module once).
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] as ComponentType })),
    { preload: () => void load().catch(() => {}) },
  );
}
