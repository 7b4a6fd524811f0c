import { signWebhook, WEBHOOK_EVENT_TYPES } from '@kds/api';
import { orders, webhookEndpoints } from '@kds/db';
import { execFile } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { connect, createFixture, startServer } from './test/harness.ts';

// The integrator's guide is part of the interface: these tests fail when it goes stale.
const doc = readFileSync(new URL('../../../docs/integrations.md', import.meta.url), 'utf8');

/** `#### \`type\`` headings of the event catalogue, each with its JSON example. */
const catalogue = [...doc.matchAll(/^#### `([a-z0-9_.]+)`\n[\s\S]*?```json\n([\s\S]*?)```/gm)].map(
  (m) => ({ type: m[1] ?? '', example: JSON.parse(m[2] ?? '{}') as Record<string, unknown> }),
);

describe('docs/integrations.md', () => {
  test('the webhook catalogue lists every event type, each with a well-formed example', () => {
    expect(catalogue.map((c) => c.type).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const { type, example } of catalogue) {
      expect(example).toMatchObject({ type, id: expect.stringMatching(/^evt_/) });
      expect(Object.keys(example).sort()).toEqual(
        ['createdAt', 'data', 'id', 'orderId', 'storeId', 'type'].sort(),
      );
    }
  });

  test("the verification code in the guide accepts KDS's signature and refuses a forgery", async () => {
    const code = /\*\*Verification\.\*\*[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const file = join(mkdtempSync(join(tmpdir(), 'kds-doc-')), 'verify.mjs');
    writeFileSync(file, code ?? '');
    const { verifyKdsSignature } = (await import(pathToFileURL(file).href)) as {
      verifyKdsSignature: (secret: string, header: string, body: string, now?: number) => boolean;
    };
    const body = JSON.stringify(catalogue[0]?.example);
    const now = new Date();
    const header = signWebhook('whsec_doc_test', body, now);
    expect(verifyKdsSignature('whsec_doc_test', header, body)).toBe(true);
    expect(verifyKdsSignature('whsec_doc_test', header, `${body} `)).toBe(false);
    expect(verifyKdsSignature('whsec_other', header, body)).toBe(false);
    expect(verifyKdsSignature('whsec_doc_test', header, body, now.getTime() / 1000 + 600)).toBe(
      false,
    );
  });
});

/** The shell steps of the curl walkthrough, in the order the guide gives them. */
const walkthrough = [
  ...(/### Walkthrough with curl\n([\s\S]*?)\n## /.exec(doc)?.[1] ?? '').matchAll(
    /```sh\n([\s\S]*?)```/g,
  ),
].map((m) => m[1] ?? '');

describe('the curl walkthrough of docs/integrations.md', () => {
  test('runs as written against a live server, with a key made by a manager', async () => {
    expect(walkthrough.length).toBeGreaterThanOrEqual(5);
    const fx = await createFixture();
    const server = await startServer(fx.db, { jobs: false });
    const guest = connect(server);
    const manager = connect(server, await fx.login(guest, 'manager@demo.test'));
    try {
      const { key } = await manager.trpc.apiKey.create.mutate({
        name: 'Walkthrough',
        scopes: ['menu:read', 'orders:read', 'orders:write', 'webhooks:manage'],
      });
      const cwd = mkdtempSync(join(tmpdir(), 'kds-curl-'));
      const { stdout } = await promisify(execFile)(
        'bash',
        ['-euo', 'pipefail', '-c', walkthrough.join('\n')],
        { cwd, env: { ...process.env, KDS_URL: `http://${server.url}`, KDS_API_KEY: key } },
      );
      const placed = await fx.db.db.select().from(orders).where(eq(orders.source, 'api'));
      expect(placed).toHaveLength(1);
      expect(placed[0]?.status).toBe('PLACED');
      expect(stdout).toContain(`"number": ${placed[0]?.number}`);
      const hooks = await fx.db.db.select().from(webhookEndpoints);
      expect(hooks.map((h) => h.url)).toEqual(['https://pos.example.com/kds-events']);
      // The last step shows a refusal: the empty cart, as a 400 with its reason.
      expect(stdout).toContain('the cart is empty');
      expect(stdout).toMatch(/HTTP 400\s*$/);
    } finally {
      guest.close();
      manager.close();
      await server.close();
      await fx.db.close();
    }
  });
});
