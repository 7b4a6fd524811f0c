import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface StaticApp {
  /** URL prefix with slashes on both ends, e.g. `/kitchen/`. */
  prefix: string;
  /** The app's built `dist/` folder. */
  root: string;
  /** Other paths the app answers (its pages), e.g. `/order/`; each gets index.html. */
  entryPaths?: string[];
}

/**
 * Serves a built single-page app under its prefix: hashed assets cached for a year, every other
 * path answered with index.html (never cached) so the app's own routing takes over.
 */
export async function serveStaticApp(
  app: FastifyInstance,
  { prefix, root, entryPaths = [] }: StaticApp,
) {
  const bare = prefix.replace(/\/$/, '');
  app.get(bare, (_request, reply) => reply.redirect(prefix, 301));
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, `${prefix} is not built; run \`pnpm build\``);
    for (const path of [prefix, ...entryPaths]) {
      app.get(`${path}*`, (_request, reply) =>
        reply
          .status(503)
          .type('text/plain')
          .send(`${prefix} is not built yet: run \`pnpm build\`.`),
      );
    }
    return;
  }
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      prefix,
      wildcard: false,
      index: false,
      // Vite fingerprints everything under assets/; anything else may change between builds.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    const page = (_request: unknown, reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html', root);
    scope.get(prefix, page);
    for (const path of [prefix, ...entryPaths]) scope.get(`${path}*`, page);
  });
}
