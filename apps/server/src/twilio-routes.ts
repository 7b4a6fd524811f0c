import { recordDeliveryStatus, validTwilioSignature, type ApiContext } from '@kds/api';
import type { FastifyInstance } from 'fastify';

/**
 * `/webhooks/twilio/status`: Twilio's delivery reports. The signature is checked against the
 * public URL Twilio was given (forged: 403, nothing changed); a valid report records the
 * message's status and cost on its outbox row.
 */
export async function registerTwilioRoutes(
  app: FastifyInstance,
  options: { authToken: string; publicUrl: string; context: () => Promise<ApiContext> },
) {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post('/webhooks/twilio/status', async (request, reply) => {
      const params = (request.body ?? {}) as Record<string, string>;
      const signature = request.headers['x-twilio-signature'];
      const url = `${options.publicUrl}/webhooks/twilio/status`;
      if (
        typeof signature !== 'string' ||
        !validTwilioSignature(options.authToken, signature, url, params)
      ) {
        request.log.warn('twilio callback with a bad signature refused');
        return reply.status(403).send({ error: 'invalid signature' });
      }
      const known = await recordDeliveryStatus(await options.context(), {
        providerId: params.MessageSid ?? params.CallSid ?? '',
        status: params.MessageStatus ?? params.CallStatus ?? 'unknown',
        price: params.Price,
      });
      return { received: true, known };
    });
  });
}
