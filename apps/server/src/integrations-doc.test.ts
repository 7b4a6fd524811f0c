import { signWebhook, WEBHOOK_EVENT_TYPES } from '@kds/api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';

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
