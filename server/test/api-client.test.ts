import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiClientPath, functionName, renderApiClient } from '../src/api-client-cli';
import { buildOpenApi } from '../src/core/openapi';
import { allRoutes } from '../src/routes';

it('the generated API client matches the route definitions (run `npm run api-client -w server` after changing routes)', async () => {
  expect(readFileSync(apiClientPath, 'utf8')).toBe(await renderApiClient());
});

it('names each route from its method and path', () => {
  expect(functionName({ method: 'get', path: '/clients' })).toBe('getClients');
  expect(functionName({ method: 'get', path: '/clients/:id' })).toBe('getClient');
  expect(functionName({ method: 'post', path: '/clients/:id/contacts' })).toBe('createClientContact');
  expect(functionName({ method: 'put', path: '/clients/:id/contacts/:contactId' })).toBe(
    'updateClientContact',
  );
  expect(functionName({ method: 'post', path: '/projects/:id/cancel' })).toBe('postProjectCancel');
  expect(functionName({ method: 'delete', path: '/maintenance-plans/:planId' })).toBe(
    'deleteMaintenancePlan',
  );
});

it('the generated client types responses with the domain schemas, and the OpenAPI document shows them', async () => {
  const source = readFileSync(apiClientPath, 'utf8');
  expect(source).toMatch(/getClients: \([^)]*\) =>\s*t\.request<z\.output<typeof domain\.clientListSchema>>/);
  const doc = buildOpenApi(allRoutes) as any;
  const schema = doc.paths['/api/clients'].get.responses['200'].content['application/json'].schema;
  expect(schema.properties.items.items.properties).toHaveProperty('abilities');
});
