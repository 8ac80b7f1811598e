/** A chunk the page loads on demand (`import('./lazy.ts')`): the mock must leave it to the server. */
export const LAZY = 'lazy chunk loaded';
