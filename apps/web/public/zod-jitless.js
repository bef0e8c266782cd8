// Zod without its JIT. The JIT probes `new Function`, which the Content-Security-Policy
// (script-src 'self') blocks and reports as a violation; the shared contract builds its schemas
// as soon as its chunk loads, so the switch has to be set before any module runs.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
