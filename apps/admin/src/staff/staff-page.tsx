import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../shared/confirm-button.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { InvitationsTable } from './invitations-table.tsx';
import { InviteCard } from './invite-card.tsx';

type Member = Outputs['staff']['list'][number];
type Role = Member['role'];

/**
 * Who works at this store and as what. The store manages its memberships (role, suspended here,
 * removed from here); each account belongs to its holder, who may work at other stores too.
 */
export function StaffPage({ myRole, myId }: { myRole: Role; myId: string | undefined }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.list.queryOptions());
  const { outcome, act } = useAction(() => queryClient.invalidateQueries(trpc.staff.pathFilter()));
  const mutation = {
    reset: useMutation(trpc.staff.resetPassword.mutationOptions()),
    active: useMutation(trpc.staff.setActive.mutationOptions()),
    remove: useMutation(trpc.staff.remove.mutationOptions()),
    role: useMutation(trpc.staff.changeRole.mutationOptions()),
  };

  if (list.error) return <Problem error={list.error} />;
  if (!list.data) return <Loading />;
  const roles: Role[] = myRole === 'owner' ? ['kitchen', 'manager', 'owner'] : ['kitchen'];

  const actions = (s: Member) => (
    <div className="actions">
      {s.canResetPassword && (
        <button
          className="btn btn--small"
          onClick={() =>
            void act(t('staff.passwordReset', { name: s.name }), async () => {
              const r = await mutation.reset.mutateAsync({ staffId: s.id });
              return t('staff.oneTime', { password: r.temporaryPassword });
            })
          }
        >
          {t('staff.resetPassword')}
        </button>
      )}
      <button
        className="btn btn--small"
        onClick={() =>
          void act(t(s.isActive ? 'staff.suspended' : 'staff.reactivated', { name: s.name }), () =>
            mutation.active.mutateAsync({ staffId: s.id, active: !s.isActive }),
          )
        }
      >
        {s.isActive ? t('staff.suspend') : t('staff.reactivate')}
      </button>
      <ConfirmButton
        label={t('staff.remove')}
        confirm={t('staff.removeSure', { name: s.name })}
        onConfirm={() =>
          void act(t('staff.removed', { name: s.name }), () =>
            mutation.remove.mutateAsync({ staffId: s.id }),
          )
        }
      />
    </div>
  );

  return (
    <>
      <header className="page-head">
        <h1>{t('staff.title')}</h1>
        <p className="muted">{t('staff.intro')}</p>
      </header>
      <Notice outcome={outcome} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.devices')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>
                  {myRole === 'owner' && s.id !== myId ? (
                    <select
                      aria-label={t('staff.roleOf', { name: s.name })}
                      value={s.role}
                      onChange={(e) =>
                        void act(t('staff.roleChanged', { name: s.name }), () =>
                          mutation.role.mutateAsync({
                            staffId: s.id,
                            role: e.target.value as Role,
                          }),
                        )
                      }
                    >
                      {(['kitchen', 'manager', 'owner'] as const).map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${s.role}`)
                  )}
                </td>
                <td>
                  <MemberState member={s} />
                </td>
                <td>{t('staff.sessions', { count: s.openSessions })}</td>
                <td>{roles.includes(s.role) && s.id !== myId && actions(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InviteCard roles={roles} />
      <InvitationsTable />
    </>
  );
}

function MemberState({ member }: { member: Member }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  if (!member.isActive)
    return <span className="state-pill state-pill--failed">{t('staff.suspendedHere')}</span>;
  if (member.lockedUntil && new Date(member.lockedUntil) > new Date()) {
    return (
      <span className="state-pill state-pill--behind">
        {t('staff.lockedUntil', { time: dateTime(member.lockedUntil) })}
      </span>
    );
  }
  return <span className="state-pill state-pill--live">{t('staff.active')}</span>;
}
