import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../shared/confirm-button.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';
import { dateTime } from '../shared/format.ts';
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
            void act(`Password of ${s.name} reset`, async () => {
              const r = await mutation.reset.mutateAsync({ staffId: s.id });
              return `their one-time password is ${r.temporaryPassword} (shown once; they choose a new one when they sign in)`;
            })
          }
        >
          Reset password
        </button>
      )}
      <button
        className="btn btn--small"
        onClick={() =>
          void act(s.isActive ? `${s.name} suspended here` : `${s.name} can work here again`, () =>
            mutation.active.mutateAsync({ staffId: s.id, active: !s.isActive }),
          )
        }
      >
        {s.isActive ? 'Suspend' : 'Reactivate'}
      </button>
      <ConfirmButton
        label="Remove"
        confirm={`Remove ${s.name}?`}
        onConfirm={() =>
          void act(`${s.name} removed from this store`, () =>
            mutation.remove.mutateAsync({ staffId: s.id }),
          )
        }
      />
    </div>
  );

  return (
    <>
      <header className="page-head">
        <h1>Staff</h1>
        <p className="muted">
          Owners manage everyone; managers manage the kitchen team. Suspending or removing someone
          acts on this store only.
        </p>
      </header>
      <Notice outcome={outcome} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Signed in here on</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
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
                      aria-label={`Role of ${s.name}`}
                      value={s.role}
                      onChange={(e) =>
                        void act(`Role of ${s.name} changed`, () =>
                          mutation.role.mutateAsync({
                            staffId: s.id,
                            role: e.target.value as Role,
                          }),
                        )
                      }
                    >
                      {(['kitchen', 'manager', 'owner'] as const).map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    s.role
                  )}
                </td>
                <td>
                  <MemberState member={s} />
                </td>
                <td>
                  {s.openSessions} device{s.openSessions === 1 ? '' : 's'}
                </td>
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
  if (!member.isActive)
    return <span className="state-pill state-pill--failed">suspended here</span>;
  if (member.lockedUntil && new Date(member.lockedUntil) > new Date()) {
    return (
      <span className="state-pill state-pill--behind">
        locked until {dateTime(member.lockedUntil)}
      </span>
    );
  }
  return <span className="state-pill state-pill--live">active</span>;
}
