#!/usr/bin/env node
// `pnpm yg …` runs this bin (pnpm exec prints no script header, so `yg apikey create` output
// is just the key). tsx compiles the TypeScript sources on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/yg.ts');
