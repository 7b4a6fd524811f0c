export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="state" role="status">
      {what}…
    </p>
  );
}

export function Problem({ error }: { error: { message: string } }) {
  return (
    <p className="state state--error" role="alert">
      {error.message}
    </p>
  );
}
