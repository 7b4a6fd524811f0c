/**
 * "Your order is ready" as a system notification, where the phone allows one.
 *
 * - Notifications need a secure page (HTTPS) and the guest's permission.
 * - Chrome on Android refuses `new Notification()` (it throws): there a service worker must
 *   show it, so we always go through one (`/app/notify-sw.js`), and fall back to the
 *   constructor only where service workers are missing.
 * - Where none of that exists (iOS Safari outside an installed app, plain HTTP), the page says
 *   so and relies on its own chime, vibration and "Ready" headline.
 */
export type NotifySupport = 'available' | 'blocked' | 'unavailable';

export function notifySupport(): NotifySupport {
  if (!window.isSecureContext || !('Notification' in window)) return 'unavailable';
  return Notification.permission === 'denied' ? 'blocked' : 'available';
}

const worker = () =>
  'serviceWorker' in navigator
    ? navigator.serviceWorker.register('/app/notify-sw.js', { scope: '/app/' })
    : Promise.resolve(null);

/**
 * The worker's scope is /app/, not the tracker page's own path (it only shows notifications,
 * it controls no page), so `navigator.serviceWorker.ready` would never resolve here: wait for
 * this registration's worker instead.
 */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  const pending = registration.installing ?? registration.waiting;
  if (registration.active || !pending) return Promise.resolve();
  return new Promise((resolve) => {
    pending.addEventListener('statechange', () => {
      if (pending.state === 'activated') resolve();
    });
  });
}

/** Asks the guest, and readies the service worker so the notification can be shown later. */
export async function askToNotify(): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission === 'granted') await worker().catch(() => null);
  return permission;
}

/** Shows the notification; false when this phone cannot (the page still chimes and says so). */
export async function notifyReady(number: number, title: string, body: string): Promise<boolean> {
  if (notifySupport() !== 'available' || Notification.permission !== 'granted') return false;
  const options = {
    body,
    tag: `ready-${number}`,
    data: { url: location.href },
  };
  try {
    const registration = await worker();
    if (registration) {
      await activated(registration);
      await registration.showNotification(title, options);
      return true;
    }
    new Notification(title, options);
    return true;
  } catch {
    return false;
  }
}
