import { Trans, useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminFormat } from '../shared/format.ts';
import { messageFor } from '@kds/ui';
import { ErrorNotice } from '../shared/feedback.tsx';

/** Invitations waiting for the signed-in person, from any store: accept or decline. */
export function MyInvitations({ onJoined }: { onJoined: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.invitation.mine.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.invitation.mine.pathFilter());
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: onJoined }));
  const decline = useMutation(trpc.invitation.decline.mutationOptions({ onSettled: refresh }));
  if (!mine.data?.length) return null;
  const error = accept.error ?? decline.error;
  return (
    <section className="card invitations" aria-labelledby="my-invitations-title">
      <h2 id="my-invitations-title">{t('invitations.title')}</h2>
      {error && <ErrorNotice>{messageFor(error, tc)}</ErrorNotice>}
      <ul className="plain">
        {mine.data.map((i) => (
          <li key={i.id} className="invitation">
            <span>
              <Trans
                t={t}
                i18nKey="invitations.line"
                values={{
                  store: i.storeName,
                  role: t(`roles.${i.role}`),
                  by: i.invitedBy,
                  until: dateTime(i.expiresAt),
                }}
                components={{ strong: <strong /> }}
              />
            </span>
            <span className="actions">
              <button
                className="btn btn--small btn--primary"
                onClick={() => accept.mutate({ invitationId: i.id })}
              >
                {t('invitations.accept')}
              </button>
              <button
                className="btn btn--small"
                onClick={() => decline.mutate({ invitationId: i.id })}
              >
                {t('invitations.decline')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
