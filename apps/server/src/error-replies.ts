import type { FastifyInstance } from 'fastify';

/**
 * Set before any plugin: Fastify copies the error handler into a child context when it is
 * registered. A body over the limit gets a tRPC-shaped error: clients see PAYLOAD_TOO_LARGE.
 */
export function replyToOversizedBodies(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error, request, reply) => {
    const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
    if (statusCode === 413 && request.url.startsWith('/trpc')) {
      return reply.status(413).send({
        error: {
          message: `request body is larger than ${bodyLimit} bytes`,
          code: -32_413,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
        },
      });
    }
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.send(error);
  });
}
