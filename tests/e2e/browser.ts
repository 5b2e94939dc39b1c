/**
 * Which Chromium the end-to-end tests drive: $CHROMIUM_PATH if set, else
 * Debian's /usr/bin/chromium, else the browser Playwright installed itself.
 * When none is there, says what to install.
 */
import fs from 'node:fs';
import {chromium, type LaunchOptions} from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Flags for a headless browser on a closed network; no sandbox when running as root (CI). */
const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightsOwnChromium(): string | undefined {
  try {
    const bundled = chromium.executablePath();
    return fs.existsSync(bundled) ? bundled : undefined;
  } catch {
    return undefined;
  }
}

export function chromiumLaunchOptions(): LaunchOptions {
  const args = [...QUIET_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!fs.existsSync(fromEnvironment)) {
      throw new Error(`CHROMIUM_PATH=${fromEnvironment} does not exist; point it at a Chromium binary or unset it`);
    }
    return {executablePath: fromEnvironment, args};
  }
  const system = SYSTEM_CHROMIUM.find((candidate) => fs.existsSync(candidate));
  if (system) {
    return {executablePath: system, args};
  }
  if (playwrightsOwnChromium()) {
    return {args};
  }
  throw new Error(
    'No Chromium for the end-to-end tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
  );
}
