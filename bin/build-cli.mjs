#!/usr/bin/env node
// `npm run build:cli` (and npm's prepare): src/ → dist/, so that the command starts without tsx.
import { buildCompiled } from './compiled.mjs';

process.exitCode = buildCompiled();
