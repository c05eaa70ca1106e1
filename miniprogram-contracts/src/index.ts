export type { paths, components, operations } from '../schema.js';
export * from './problem-codes.js';
export * from './client.js';
export * from './times.js';
