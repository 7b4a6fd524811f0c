// The guest's "your order is ready" notification. Chrome on Android shows notifications only
// through a service worker; this one does nothing else (no caching, no fetch handling).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// A tap on the notification brings the tracker page back (or opens it).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      if (open) return open.focus();
      return url ? self.clients.openWindow(url) : undefined;
    }),
  );
});
