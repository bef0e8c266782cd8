export * from './value-format.js';
export * from './palette.js';
export * from './aria.js';
export * from './trend-line.js';
export * from './sparkline.js';
export * from './share-bar.js';
