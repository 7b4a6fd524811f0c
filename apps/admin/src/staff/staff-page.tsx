import { useTRPC, useTRPCClient } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { dateTime } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { Notice, useAction } from '../shared/feedback.tsx';

type Role = Outputs['staff']['list'][number]['role'];

/** Who works here, with what role; add, reset, deactivate. Owners also change roles. */
export function StaffPage({ myRole, myId }: { myRole: Role; myId: string | undefined }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.list.queryOptions());
  const { outcome, act } = useAction(() => queryClient.invalidateQueries(trpc.staff.pathFilter()));

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void act('Added', async () => {
      const created = await client.staff.create.mutate({
        name: String(data.get('name')),
        email: String(data.get('email')),
        role: String(data.get('role')) as Role,
      });
      form.reset();
      return created.temporaryPassword
        ? `their one-time password is ${created.temporaryPassword} (shown once)`
        : 'they already had an account and can sign in with it';
    });
  };

  if (list.error) return <Problem error={list.error} />;
  if (!list.data) return <Loading />;
  const roles: Role[] = myRole === 'owner' ? ['kitchen', 'manager', 'owner'] : ['kitchen'];

  return (
    <>
      <header className="page-head page-head--row">
        <div>
          <h1>Staff</h1>
          <p className="muted">Owners manage everyone; managers manage the kitchen team.</p>
        </div>
        <button
          className="btn"
          onClick={() =>
            void act('Signed out everywhere', async () => {
              const { ended } = await client.auth.logoutEverywhere.mutate();
              return `${ended} sessions ended`;
            })
          }
        >
          Sign me out everywhere
        </button>
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
              <th scope="col">Signed in on</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => {
              const mine = roles.includes(s.role) && s.id !== myId;
              return (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.email}</td>
                  <td>
                    {myRole === 'owner' && s.id !== myId ? (
                      <select
                        aria-label={`Role of ${s.name}`}
                        value={s.role}
                        onChange={(e) =>
                          void act(`Role of ${s.name} changed`, async () => {
                            await client.staff.changeRole.mutate({
                              staffId: s.id,
                              role: e.target.value as Role,
                            });
                          })
                        }
                      >
                        <option value="kitchen">kitchen</option>
                        <option value="manager">manager</option>
                        <option value="owner">owner</option>
                      </select>
                    ) : (
                      s.role
                    )}
                  </td>
                  <td>
                    {!s.isActive ? (
                      <span className="state-pill state-pill--failed">deactivated</span>
                    ) : s.lockedUntil && new Date(s.lockedUntil) > new Date() ? (
                      <span className="state-pill state-pill--behind">
                        locked until {dateTime(s.lockedUntil)}
                      </span>
                    ) : (
                      <span className="state-pill state-pill--live">active</span>
                    )}
                  </td>
                  <td>
                    {s.openSessions} device{s.openSessions === 1 ? '' : 's'}
                  </td>
                  <td>
                    <div className="actions">
                      {mine && (
                        <>
                          <button
                            className="btn btn--small"
                            onClick={() =>
                              void act(`Password of ${s.name} reset`, async () => {
                                const r = await client.staff.resetPassword.mutate({
                                  staffId: s.id,
                                });
                                return `new one-time password ${r.temporaryPassword} (shown once)`;
                              })
                            }
                          >
                            Reset password
                          </button>
                          <button
                            className={`btn btn--small${s.isActive ? ' btn--danger' : ''}`}
                            onClick={() =>
                              void act(
                                s.isActive ? `${s.name} deactivated` : `${s.name} reactivated`,
                                async () => {
                                  await client.staff.setActive.mutate({
                                    staffId: s.id,
                                    active: !s.isActive,
                                  });
                                },
                              )
                            }
                          >
                            {s.isActive ? 'Deactivate' : 'Reactivate'}
                          </button>
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">Add someone</h2>
        <form className="filters" onSubmit={add}>
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
          <button className="btn btn--primary">Add</button>
        </form>
      </section>
    </>
  );
}
