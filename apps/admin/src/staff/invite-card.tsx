import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Outputs } from '../shared/types.ts';
import { ErrorNotice } from '../shared/feedback.tsx';

type Role = Outputs['staff']['list'][number]['role'];
type Invited = Outputs['staff']['create'];

/**
 * Invites someone by email. Nothing is attached until they accept, and the answer is the same
 * whether or not they already have a KDS account. Without email on the server, the manager is
 * given the link to hand over in person.
 */
export function InviteCard({ roles }: { roles: Role[] }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
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
      <h2 id="invite-title">{t('staff.inviteTitle')}</h2>
      <p className="muted">{t('staff.inviteIntro')}</p>
      {invite.error && (
        <ErrorNotice>
          {t('staff.notInvited', { message: messageFor(invite.error, tc) })}
        </ErrorNotice>
      )}
      {sent && <Sent invited={sent} />}
      <form className="filters" onSubmit={submit}>
        <label className="field field--grow">
          <span>{t('staff.name')}</span>
          <input name="name" required maxLength={80} />
        </label>
        <label className="field field--grow">
          <span>{t('staff.email')}</span>
          <input name="email" type="email" required />
        </label>
        <label className="field">
          <span>{t('staff.role')}</span>
          <select name="role" defaultValue="kitchen">
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button className="btn btn--primary" disabled={invite.isPending}>
          {invite.isPending ? t('staff.inviting') : t('staff.sendInvitation')}
        </button>
      </form>
    </section>
  );
}

function Sent({ invited }: { invited: Invited & { name: string } }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  if (!invited.link) {
    return (
      <p className="notice" role="status">
        {t('staff.emailed', { email: invited.email })}
      </p>
    );
  }
  return (
    <div className="notice handover" role="status">
      <p>{t('staff.noEmail', { name: invited.name, email: invited.email })}</p>
      <div className="handover__row">
        <input
          readOnly
          value={invited.link}
          aria-label={t('staff.invitationLink')}
          onFocus={(e) => e.target.select()}
        />
        <button
          className="btn btn--small"
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(invited.link ?? '').then(() => setCopied(true))
          }
        >
          {copied ? t('staff.copied') : t('staff.copy')}
        </button>
      </div>
    </div>
  );
}
