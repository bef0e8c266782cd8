export * from './evidence.js';
export * from './records.js';
export * from './time.js';
