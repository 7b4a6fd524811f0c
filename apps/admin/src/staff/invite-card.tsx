import { useTRPC } from '@kds/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Outputs } from '../shared/types.ts';

type Role = Outputs['staff']['list'][number]['role'];
type Invited = Outputs['staff']['create'];

/**
 * Invites someone by email. Nothing is attached until they accept, and the answer is the same
 * whether or not they already have a KDS account. Without email on the server, the manager is
 * given the link to hand over in person.
 */
export function InviteCard({ roles }: { roles: Role[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<(Invited & { name: string }) | null>(null);
  const invite = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.staff.invitations.pathFilter()),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = String(data.get('name'));
    invite.mutate(
      { name, email: String(data.get('email')), role: String(data.get('role')) as Role },
      {
        onSuccess: (result) => {
          setSent({ ...result, name });
          form.reset();
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <p className="muted">
        They get a link to join this store; they choose their own password, or sign in with the
        account they already have.
      </p>
      {invite.error && (
        <p className="notice notice--error" role="alert">
          Not invited: {invite.error.message}
        </p>
      )}
      {sent && <Sent invited={sent} />}
      <form className="filters" onSubmit={submit}>
        <label className="field field--grow">
          <span>Name</span>
          <input name="name" required maxLength={80} />
        </label>
        <label className="field field--grow">
          <span>Email</span>
          <input name="email" type="email" required />
        </label>
        <label className="field">
          <span>Role</span>
          <select name="role" defaultValue="kitchen">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button className="btn btn--primary" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Send invitation'}
        </button>
      </form>
    </section>
  );
}

function Sent({ invited }: { invited: Invited & { name: string } }) {
  const [copied, setCopied] = useState(false);
  if (!invited.link) {
    return (
      <p className="notice" role="status">
        Invitation emailed to {invited.email}. They appear in the list once they accept.
      </p>
    );
  }
  return (
    <div className="notice handover" role="status">
      <p>
        Email is not set up on this server, so nobody was emailed. Give {invited.name} this link
        yourself; it works once, for 7 days, and only for {invited.email}.
      </p>
      <div className="handover__row">
        <input
          readOnly
          value={invited.link}
          aria-label="Invitation link"
          onFocus={(e) => e.target.select()}
        />
        <button
          className="btn btn--small"
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(invited.link ?? '').then(() => setCopied(true))
          }
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
