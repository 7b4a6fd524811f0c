import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminFormat } from '../shared/format.ts';
import { ErrorNotice } from '../shared/feedback.tsx';

/** Invitations of this store waiting for an answer; a manager may withdraw one. */
export function InvitationsTable() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.invitations.queryOptions());
  const cancel = useMutation(
    trpc.staff.cancelInvitation.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.staff.invitations.pathFilter()),
    }),
  );
  if (!list.data?.length) return null;
  return (
    <section className="card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('staff.waiting')}</h2>
      {cancel.error && (
        <ErrorNotice>
          {t('staff.notWithdrawn', { message: messageFor(cancel.error, tc) })}
        </ErrorNotice>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.invitedBy')}</th>
              <th scope="col">{t('staff.linkUntil')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.email}</td>
                <td>{t(`roles.${i.role}`)}</td>
                <td>{i.invitedBy}</td>
                <td>{dateTime(i.expiresAt)}</td>
                <td>
                  <button
                    className="btn btn--small"
                    onClick={() => cancel.mutate({ invitationId: i.id })}
                    aria-label={t('staff.withdrawFrom', { email: i.email })}
                  >
                    {t('staff.withdraw')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
