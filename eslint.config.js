// The configuration lives with its dependencies in tools/lint (see its package.json).
export { default } from './tools/lint/eslint.config.js';
