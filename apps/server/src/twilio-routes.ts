import {
  recordDeliveryStatus,
  recordSmsReply,
  validTwilioSignature,
  type ApiContext,
} from '@kds/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Twilio's requests to us, each checked against `X-Twilio-Signature` and the public URL Twilio
 * was given (forged: 403, nothing changed):
 * - `/webhooks/twilio/status`: delivery reports for texts and calls (status, duration, cost);
 * - `/webhooks/twilio/sms`: replies to our texts; STOP ends texts to that number, START resumes.
 */
export async function registerTwilioRoutes(
  app: FastifyInstance,
  options: { authToken: string; publicUrl: string; context: () => Promise<ApiContext> },
) {
  const signed = (path: string, request: FastifyRequest, reply: FastifyReply) => {
    const params = (request.body ?? {}) as Record<string, string>;
    const signature = request.headers['x-twilio-signature'];
    const url = `${options.publicUrl}${path}`;
    if (
      typeof signature === 'string' &&
      validTwilioSignature(options.authToken, signature, url, params)
    ) {
      return params;
    }
    request.log.warn({ path }, 'twilio request with a bad signature refused');
    void reply.status(403).send({ error: 'invalid signature' });
    return null;
  };

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.post('/webhooks/twilio/status', async (request, reply) => {
      const params = signed('/webhooks/twilio/status', request, reply);
      if (!params) return reply;
      const known = await recordDeliveryStatus(await options.context(), {
        providerId: params.MessageSid ?? params.CallSid ?? '',
        status: params.MessageStatus ?? params.CallStatus ?? 'unknown',
        ...(params.Price ? { price: params.Price } : {}),
        ...(params.CallDuration ? { durationSeconds: params.CallDuration } : {}),
      });
      return { received: true, known };
    });

    scope.post('/webhooks/twilio/sms', async (request, reply) => {
      const params = signed('/webhooks/twilio/sms', request, reply);
      if (!params) return reply;
      const outcome = await recordSmsReply(await options.context(), {
        from: params.From ?? '',
        body: params.Body ?? '',
      });
      if (outcome !== 'ignored') request.log.info({ outcome }, 'text reply recorded');
      // An empty answer: Twilio itself confirms STOP and START to the sender.
      return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    });
  });
}
