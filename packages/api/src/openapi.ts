import { generateOpenApiDocument } from 'trpc-to-openapi';
import { appRouter } from './root.ts';

/** Where the integration API's REST routes live. */
export const REST_BASE_PATH = '/api/v1';

/**
 * The OpenAPI document of the integration API, generated from the `integration.*` procedures
 * themselves (paths, inputs, outputs and the errors each may answer).
 */
export function openApiDocument(options: { publicUrl: string; version: string }) {
  return generateOpenApiDocument(appRouter, {
    title: 'KDS integration API',
    description:
      'Menu, orders and webhooks of one store, for a POS, an aggregator or a script. ' +
      'Authenticate with a store API key (Admin → Integrations) as `Authorization: Bearer kds_k_…`; ' +
      'each key holds scopes (menu:read, orders:read, orders:write, webhooks:manage). ' +
      'Errors answer `{ message, code, issues }`; a refused order lists its problems in ' +
      '`data.details.problems`.',
    version: options.version,
    baseUrl: `${options.publicUrl}${REST_BASE_PATH}`,
    securitySchemes: {
      apiKey: {
        type: 'http',
        scheme: 'bearer',
        description: 'A store API key: kds_k_…',
      },
    },
  });
}
