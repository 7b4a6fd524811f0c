import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentFailure } from '../domain/outbox/run-outbox.ts';
import type { WebhookTransport } from '../domain/webhooks/deliver-webhooks.ts';

/** What the manager reads when an endpoint is refused: nothing about what lies behind it. */
export const NOT_ALLOWED =
  "the endpoint's address is not allowed: it is on a private, local or reserved network";
const UNREACHABLE = 'the endpoint could not be reached; it will be tried again';

export interface WebhookHttpOptions {
  /** Networks (CIDR) an endpoint may be on although private: a POS on the restaurant's LAN. */
  allowedNetworks?: string[];
  /** Production: plain http is refused (the body carries guests' orders). */
  requireHttps: boolean;
  timeoutMs?: number;
  /** The full story of a failure, for the server's log only. */
  onFailure?: (details: { url: string; error: unknown }) => void;
}

class BlockedAddress extends Error {}

/**
 * POSTs webhooks so that they cannot be aimed inward. The host is resolved when each request
 * is made, every address it resolves to must be public unicast (IPv4 and IPv6, mapped forms
 * included) or inside an allowed network, and the connection goes to an address that was
 * checked: the check and the connection use one lookup, so DNS cannot answer differently in
 * between. Redirects are never followed. What fails is reported in words that say nothing about
 * the inside of the network; the details go to the server's log.
 */
export function createWebhookHttp(options: WebhookHttpOptions): WebhookTransport {
  const allowed = (options.allowedNetworks ?? []).map((cidr) => ipaddr.parseCIDR(cidr));
  const permitted = (address: string) => {
    if (!ipaddr.isValid(address)) return false;
    const ip = ipaddr.process(address);
    if (
      allowed.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))
    ) {
      return true;
    }
    return ip.range() === 'unicast';
  };
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (addresses.length === 0 || !addresses.every((a) => permitted(a.address))) {
        return callback(new BlockedAddress(hostname), '', 0);
      }
      if (lookupOptions.all) {
        (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      } else {
        const [first] = addresses;
        callback(null, first?.address ?? '', first?.family ?? 4);
      }
    });
  };

  return {
    async post(target, body, headers) {
      const url = new URL(target);
      if (options.requireHttps && url.protocol !== 'https:') {
        throw new PermanentFailure('the endpoint must use https');
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (ipaddr.isValid(host) && !permitted(host)) throw new PermanentFailure(NOT_ALLOWED);
      try {
        return {
          status: await post(url, body, headers, checkedLookup, options.timeoutMs ?? 10_000),
        };
      } catch (error) {
        // The cause goes to the server's log with the error; the row keeps only the message.
        if (error instanceof BlockedAddress)
          throw new PermanentFailure(NOT_ALLOWED, { cause: error });
        options.onFailure?.({ url: `${url.protocol}//${url.host}`, error });
        throw new Error(UNREACHABLE, { cause: error });
      }
    },
  };
}

/** One POST; resolves with the status, never reads more of the answer than its head. */
function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
  lookup: LookupFunction,
  timeoutMs: number,
): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup,
    // A fresh connection each time: a pooled socket would skip the address check.
    agent: false,
  };
  return new Promise((resolve, reject) => {
    const req = send(url, requestOptions, (res) => {
      clearTimeout(deadline);
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    const deadline = setTimeout(() => req.destroy(new Error('timed out')), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
}
