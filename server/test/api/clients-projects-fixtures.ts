/**
 * The project-entry fixtures moved to test/projects/fixtures.ts; this re-export keeps the plan, site-request
 * and special-application tests working until their owners import from there.
 */
export * from '../projects/fixtures';
