import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  appRouter,
  createApiContext,
  openApiDocument,
  REST_BASE_PATH,
  type ApiDeps,
} from '@kds/api';
import type { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fastifyTRPCOpenApiPlugin } from 'trpc-to-openapi';
import { KDS_VERSION } from './paths.ts';
import { bearerToken } from './request-auth.ts';

/** Where the integration API's reference is read in a browser. */
export const API_DOCS_PATH = '/api/docs';

/**
 * The integration API over plain HTTP and JSON: every `integration.*` procedure at its REST
 * route under /api/v1, the OpenAPI document at /api/v1/openapi.json, and a browsable reference
 * at /api/docs. Only an API key in the Authorization header identifies a caller here: the
 * session cookie is not read, so no other site's page can act with a manager's sign-in.
 */
export async function registerRestApi(app: FastifyInstance, deps: ApiDeps) {
  const document = openApiDocument({ publicUrl: deps.config.publicUrl, version: KDS_VERSION });
  app.get(`${REST_BASE_PATH}/openapi.json`, async () => document);

  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { document: document as never },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_PATH,
    // The reference of this server's API only: no bar to load another document from elsewhere.
    uiConfig: { layout: 'BaseLayout', docExpansion: 'list', deepLinking: false },
  });

  await app.register(fastifyTRPCOpenApiPlugin, {
    basePath: REST_BASE_PATH,
    router: appRouter,
    createContext: ({ req }: { req: FastifyRequest }) =>
      createApiContext(deps, {
        token: bearerToken(req.headers),
        ip: req.ip,
        transport: 'http',
      }),
    onError({ error, path }: { error: TRPCError; path?: string }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        app.log.error({ err: error.cause ?? error, path }, 'REST call failed');
      }
    },
  });
}
