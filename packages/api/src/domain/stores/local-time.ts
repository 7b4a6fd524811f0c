/** "Mon 7:45 PM" in the store's zone: how messages to guests name a time. */
export const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
