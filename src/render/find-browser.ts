import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolioError } from '../messages/folio-error.js';

/** Environment variables that name a browser, checked in this order. */
export const browserVariables = ['FOLIO_CHROME', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** Where Chrome or Chromium usually lives, by platform. */
function systemCandidates(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter(Boolean) as string[];
    return roots.flatMap((root) => [path.join(root, 'Google/Chrome/Application/chrome.exe'), path.join(root, 'Chromium/Application/chrome.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium', '/opt/google/chrome/chrome'];
}

/** Chrome builds that Puppeteer downloaded into its cache (for users who let it fetch one). */
function puppeteerCacheCandidates(): string[] {
  const cache = process.env['PUPPETEER_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'puppeteer');
  const dir = path.join(cache, 'chrome');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .reverse()
    .flatMap((build) => [
      path.join(dir, build, 'chrome-linux64', 'chrome'),
      path.join(dir, build, 'chrome-mac-x64', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
      path.join(dir, build, 'chrome-mac-arm64', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
      path.join(dir, build, 'chrome-win64', 'chrome.exe'),
    ]);
}

/**
 * Find a Chrome or Chromium: an environment variable first (FOLIO_CHROME, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH),
 * then the usual system places, then Puppeteer's download cache.
 * @returns the executable's path, or undefined when there is none
 */
export function locateBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  for (const name of browserVariables) {
    const value = env[name];
    if (value) {
      if (!existsSync(value)) throw new FolioError(`${name} is set to ${value}, but there is no file there. Fix the path, or unset ${name} to let Folio look for a browser.`);
      return value;
    }
  }
  return [...systemCandidates(platform), ...puppeteerCacheCandidates()].find((candidate) => existsSync(candidate));
}

/** What to do when no browser is found, for this platform. */
export function browserInstallAdvice(platform: NodeJS.Platform = process.platform): string {
  const how =
    platform === 'darwin'
      ? 'install Google Chrome (https://www.google.com/chrome/) or run `brew install --cask chromium`'
      : platform === 'win32'
        ? 'install Google Chrome'
        : 'install Chromium: on Debian or Ubuntu, `sudo apt-get install chromium` (Ubuntu: `chromium-browser`); on Fedora, `sudo dnf install chromium`';
  return `Folio needs Chrome or Chromium to lay out the PDF and found none. To fix it, ${how}; or set FOLIO_CHROME=/path/to/chrome if it is installed somewhere else.`;
}

/**
 * The browser to render with, or a clear error that says how to get one.
 */
export function findBrowser(): string {
  const found = locateBrowser();
  if (!found) throw new FolioError(browserInstallAdvice());
  return found;
}
