import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { ConfirmButton } from '../shared/confirm-button.tsx';
import type { Act } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Member = Outputs['staff']['list'][number];
type Role = Member['role'];

/** One member of the store: name, email, role (an owner may change it), state and devices. */
export function MemberRow({
  member: s,
  canChangeRole,
  canManage,
  act,
}: {
  member: Member;
  canChangeRole: boolean;
  /** Reset the password, suspend, remove: for roles below one's own, never oneself. */
  canManage: boolean;
  act: Act;
}) {
  const { t } = useTranslation('admin');
  const mutation = useMemberMutations();
  return (
    <tr>
      <td>{s.name}</td>
      <td>{s.email}</td>
      <td>
        {canChangeRole ? (
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
      <td>{canManage && <MemberActions member={s} act={act} mutation={mutation} />}</td>
    </tr>
  );
}

function useMemberMutations() {
  const trpc = useTRPC();
  return {
    reset: useMutation(trpc.staff.resetPassword.mutationOptions()),
    active: useMutation(trpc.staff.setActive.mutationOptions()),
    remove: useMutation(trpc.staff.remove.mutationOptions()),
    role: useMutation(trpc.staff.changeRole.mutationOptions()),
  };
}

function MemberActions({
  member: s,
  act,
  mutation,
}: {
  member: Member;
  act: Act;
  mutation: ReturnType<typeof useMemberMutations>;
}) {
  const { t } = useTranslation('admin');
  return (
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
