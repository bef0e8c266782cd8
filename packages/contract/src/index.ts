export * from './route.js';
export * from './common.js';
export * from './evidence.js';
export * from './review.js';
export * from './incrementality.js';
