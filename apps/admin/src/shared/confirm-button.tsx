import { useEffect, useState, type ReactNode } from 'react';

/**
 * A button for what cannot be undone: the first press arms it ("Press again to …"), the second
 * (within five seconds) acts. No dialog to dismiss, nothing to do by accident.
 */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  className = 'btn btn--small btn--danger',
}: {
  label: ReactNode;
  confirm: string;
  onConfirm: () => void;
  className?: string;
}) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 5_000);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <button
      className={className}
      aria-live="polite"
      onClick={() => {
        if (!armed) return setArmed(true);
        setArmed(false);
        onConfirm();
      }}
    >
      {armed ? confirm : label}
    </button>
  );
}
