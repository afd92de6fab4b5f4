#!/usr/bin/env node
// Runs after `npm install`: makes sure Folio can find a Chrome or Chromium, the CMYK profile of the print
// edition (libgs-common), and the PDF tools preflight and the tests read PDFs with (poppler-utils). On Debian or
// Ubuntu as root it installs what is missing with apt-get and says so; elsewhere it prints exactly what to install. It never downloads a browser itself, and never fails the install.
// Set FOLIO_SKIP_SETUP=1 to skip it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const { locateBrowser, browserInstallAdvice } = await import('../dist/src/render/find-browser.js');
const { defaultCmykProfile: cmykProfile } = await import('../dist/src/pdf/press-profiles.js');
const say = (text) => process.stdout.write(`folio setup: ${text}\n`);

if (process.env.FOLIO_SKIP_SETUP === '1') process.exit(0);

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

function aptInstall(packages) {
  say(`installing ${packages.join(' ')} with apt-get (this takes a minute the first time)…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    say(`apt-get could not install ${packages.join(' ')}.`);
    return false;
  }
}

let browser;
try {
  browser = locateBrowser();
} catch (error) {
  say(error.message);
  process.exit(0);
}
const missing = [];
if (!browser) missing.push('chromium');
if (!onPath('pdftotext')) missing.push('poppler-utils');
// The print edition's output intent: Artifex's CMYK (SWOP) profile, from Ghostscript's data package.
if (process.platform === 'linux' && !existsSync(cmykProfile)) missing.push('libgs-common');

if (missing.length > 0 && canApt) aptInstall(missing);

browser = locateBrowser();
if (browser) say(`using the browser at ${browser}`);
else say(browserInstallAdvice());
if (process.platform === 'linux' && !existsSync(cmykProfile)) say(`the print edition needs a CMYK profile: \`sudo apt-get install libgs-common\`, or set FOLIO_CMYK_PROFILE to a CMYK .icc file.`);
if (!onPath('pdftotext')) say('the tests read PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo): install it, e.g. `sudo apt-get install poppler-utils` or `brew install poppler`.');
