/**
 * Debian's Chromium (apt-get install chromium): Playwright cannot download a browser here.
 * Without the background-networking flags Chromium keeps dialling hosts this machine cannot
 * reach.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
