#!/usr/bin/env node
// The `thuocdo` command: runs the TypeScript sources through tsx's loader (no separate compile step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
