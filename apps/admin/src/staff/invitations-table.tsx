import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dateTime } from '../shared/format.ts';

/** Invitations of this store waiting for an answer; a manager may withdraw one. */
export function InvitationsTable() {
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
      <h2 id="waiting-title">Waiting for an answer</h2>
      {cancel.error && (
        <p className="notice notice--error" role="alert">
          Not withdrawn: {cancel.error.message}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Link works until</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{i.email}</td>
                <td>{i.role}</td>
                <td>{i.invitedBy}</td>
                <td>{dateTime(i.expiresAt)}</td>
                <td>
                  <button
                    className="btn btn--small"
                    onClick={() => cancel.mutate({ invitationId: i.id })}
                    aria-label={`Withdraw the invitation to ${i.email}`}
                  >
                    Withdraw
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
