import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { dateTime } from '../shared/format.ts';

/** Invitations waiting for the signed-in person, from any store: accept or decline. */
export function MyInvitations({ onJoined }: { onJoined: () => void }) {
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
      <h2 id="my-invitations-title">You are invited</h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      <ul className="plain">
        {mine.data.map((i) => (
          <li key={i.id} className="invitation">
            <span>
              <strong>{i.storeName}</strong> asks you to join as {i.role} ({i.invitedBy}; until{' '}
              {dateTime(i.expiresAt)}).
            </span>
            <span className="actions">
              <button
                className="btn btn--small btn--primary"
                onClick={() => accept.mutate({ invitationId: i.id })}
              >
                Accept
              </button>
              <button
                className="btn btn--small"
                onClick={() => decline.mutate({ invitationId: i.id })}
              >
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
