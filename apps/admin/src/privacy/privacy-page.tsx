import { useTRPCClient } from '@kds/ui';
import { useState, type FormEvent } from 'react';
import type { Outputs } from '../shared/types.ts';

type Data = Outputs['privacy']['customerData'];

/** A guest asks what we hold about them, or to be forgotten. */
export function PrivacyPage({ isOwner }: { isOwner: boolean }) {
  const client = useTRPCClient();
  const [who, setWho] = useState<{ phone?: string; email?: string } | null>(null);
  const [data, setData] = useState<Data | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = String(form.get('who')).trim();
    const subject = value.includes('@') ? { email: value } : { phone: value };
    setNotice(null);
    try {
      setData(await client.privacy.customerData.query(subject));
      setWho(subject);
    } catch (e) {
      setNotice({ ok: false, text: (e as Error).message });
    }
  };

  const download = () => {
    if (!data) return;
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `guest-data-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const erase = async () => {
    if (
      !who ||
      !window.confirm('Erase this guest from every order and message? This cannot be undone.')
    )
      return;
    try {
      const result = await client.privacy.erase.mutate(who);
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      setNotice({
        ok: true,
        text: `Erased from ${plural(result.orders, 'order')} and ${plural(result.messages, 'message')}.`,
      });
      setData(await client.privacy.customerData.query(who));
    } catch (e) {
      setNotice({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <>
      <header className="page-head">
        <h1>Guest privacy</h1>
        <p className="muted">
          Find what the store holds about a guest by phone (+15551234567) or email; download it for
          them, or erase it. Erasing keeps amounts and items, so the books still add up.
        </p>
      </header>
      <form className="filters card" onSubmit={find}>
        <label className="field field--grow">
          <span>Phone or email</span>
          <input name="who" required />
        </label>
        <button className="btn btn--primary">Find</button>
      </form>
      {notice && (
        <p
          className={`notice${notice.ok ? '' : ' notice--error'}`}
          role={notice.ok ? 'status' : 'alert'}
        >
          {notice.text}
        </p>
      )}
      {data && (
        <section className="card" aria-label="What we hold">
          <h2>
            {data.orders.length} order{data.orders.length === 1 ? '' : 's'}, {data.messages.length}{' '}
            message
            {data.messages.length === 1 ? '' : 's'}
            {data.textOptOut && ', replied STOP'}
          </h2>
          <ul className="plain">
            {data.orders.map((o) => (
              <li key={o.id}>
                #{o.number} on {o.businessDate}: {o.customerName},{' '}
                {o.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button className="btn" onClick={download}>
              Download as JSON
            </button>
            {isOwner && (
              <button className="btn btn--danger" onClick={() => void erase()}>
                Erase this guest
              </button>
            )}
          </div>
        </section>
      )}
    </>
  );
}
