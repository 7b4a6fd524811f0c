import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in an invitation link: the invitation's id and an HMAC of it under the server's
 * secret. Nothing secret is stored (the email is rendered when it is sent), and a token cannot
 * be made for an id without the secret.
 */
export function invitationToken(secret: string, invitationId: string): string {
  return `${invitationId}.${signature(secret, invitationId)}`;
}

/** The invitation id a token was made for, or null for anything forged or malformed. */
export function invitationIdOf(secret: string, token: string): string | null {
  const [id, mac, extra] = token.split('.');
  if (!id || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function signature(secret: string, invitationId: string): string {
  return createHmac('sha256', secret)
    .update(`staff-invitation:${invitationId}`)
    .digest('base64url');
}

/** Where the invitee accepts: the token rides in the fragment, which browsers never send on. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/invite#${token}`;
}
