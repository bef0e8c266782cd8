export * from './evidence.js';
export * from './records.js';
export * from './time.js';
export * from './locale.js';
export * from './money.js';
export * from './economics.js';
export * from './catalog.js';
export * from './format.js';
