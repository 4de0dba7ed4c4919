import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiDocPath, renderApiDoc } from '../src/api-doc-cli';

it('API.md matches the route definitions (run `npm run api-doc -w server` after changing routes)', () => {
  expect(readFileSync(apiDocPath, 'utf8')).toBe(renderApiDoc());
});
