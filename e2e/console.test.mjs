// The admin console in a real browser: headless Chromium (Debian's package) driven by playwright-core.
// Run by e2e/console.sh, which starts the service on a fresh database and passes:
//   GATEHOUSE_URL, ADMIN_EMAIL, ADMIN_PASSWORD; optional SHOTS (a folder for screenshots), CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BASE = process.env.GATEHOUSE_URL;
const ADMIN_EMAIL = process.env.ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
const SHOTS = process.env.SHOTS || '';
const PASSWORD = 'correct horse battery staple';
const suffix = Date.now().toString(36);
const viewerEmail = `viewer-${suffix}@example.com`;
const targetEmail = `target-${suffix}@example.com`;

let browser;
let context;
let page;

async function api(path, body) {
  const response = await fetch(BASE + path, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}

async function shot(name, target = page) {
  if (SHOTS) {
    await target.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  }
}

async function signIn(p, email, password) {
  await p.goto(BASE + '/admin/login');
  await p.getByLabel('Email address or username').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

before(async () => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
  assert.equal((await api('/api/auth/register', { email: viewerEmail, password: PASSWORD })).status, 201);
  assert.equal((await api('/api/auth/register', { email: targetEmail, password: PASSWORD })).status, 201);
});

after(async () => {
  await browser?.close();
});

test('a viewer (not an administrator) is refused', async () => {
  const viewerContext = await browser.newContext();
  const p = await viewerContext.newPage();
  await signIn(p, viewerEmail, PASSWORD);
  await p.getByText('The console is for administrators only.').waitFor();
  assert.ok(new URL(p.url()).pathname.startsWith('/admin/login'));
  const cookies = await viewerContext.cookies();
  assert.ok(!cookies.some((c) => c.name === 'gatehouse_console'), 'no console session cookie');
  await p.goto(BASE + '/admin/users');
  assert.equal(new URL(p.url()).pathname, '/admin/login');
  await shot('01-login-refused-viewer', p);
  await viewerContext.close();
});

test('an administrator signs in and sees the dashboard', async () => {
  await page.goto(BASE + '/admin/users');
  assert.equal(new URL(page.url()).pathname, '/admin/login');
  await shot('00-login');
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  const cookie = (await context.cookies()).find((c) => c.name === 'gatehouse_console');
  assert.ok(cookie, 'session cookie set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(await page.locator('svg.chart').count(), 2);
  await shot('02-dashboard');
});

test('changing the access-token lifetime: bad input gets the field error, new tokens honour a good value', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByLabel('Access-token lifetime').fill('PT1S');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const error = page.locator('#access_token_ttl-error');
  await error.waitFor();
  assert.match(await error.textContent(), /between|at least|30/i);
  assert.equal(await page.getByLabel('Access-token lifetime').getAttribute('aria-invalid'), 'true');
  await shot('04-settings-field-error');

  await page.getByLabel('Access-token lifetime').fill('PT2M');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('The settings are saved').waitFor();
  assert.equal(await page.getByLabel('Access-token lifetime').inputValue(), 'PT2M');
  await shot('03-settings');

  // Every instance applies new settings within seconds: this one at once.
  let lifetime = 0;
  for (let i = 0; i < 20 && lifetime !== 120; i++) {
    const login = await api('/api/auth/login', { email: viewerEmail, password: PASSWORD });
    assert.equal(login.status, 200);
    const c = claims(login.body.access);
    lifetime = c.exp - c.iat;
    if (lifetime !== 120) await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(lifetime, 120, 'a new access token lives 2 minutes');
});

test('a stale settings form is told the settings were changed by someone else', async () => {
  const other = await context.newPage();
  await other.goto(BASE + '/admin/settings');
  await page.goto(BASE + '/admin/settings');
  await page.getByLabel('Minimum password length').fill('9');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('The settings are saved').waitFor();
  await other.getByLabel('Minimum password length').fill('10');
  await other.getByRole('button', { name: 'Save settings' }).click();
  await other.getByText('changed by someone else').waitFor();
  assert.equal(await other.getByLabel('Minimum password length').inputValue(), '9');
  await shot('05-settings-conflict', other);
  await other.close();
});

test('deactivating a user from the users page: their login is refused', async () => {
  await page.getByRole('link', { name: 'Users' }).first().click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await shot('06-users');
  await page.getByLabel('Email or username contains').fill(targetEmail);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: targetEmail }).click();
  await page.getByRole('heading', { name: targetEmail }).waitFor();
  await shot('07-user');
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByText('The user is deactivated').waitFor();
  await shot('08-user-deactivated');
  const login = await api('/api/auth/login', { email: targetEmail, password: PASSWORD });
  assert.equal(login.status, 403);
  assert.equal(login.body.code, 'account_disabled');
});

test('signing keys, audit log and mail outbox pages', async () => {
  await page.getByRole('link', { name: 'Signing keys' }).click();
  await page.getByRole('heading', { name: 'Signing keys' }).waitFor();
  const before = await page.locator('tbody tr').count();
  await page.getByRole('button', { name: 'Rotate the signing key' }).click();
  await page.getByText('A new signing key signs from now on').waitFor();
  assert.equal(await page.locator('tbody tr').count(), before + 1);
  await shot('09-keys');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Type').selectOption('admin_user_updated');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('cell', { name: 'is_active=false' }).waitFor();
  await shot('10-audit');

  await page.getByRole('link', { name: 'Mail outbox' }).click();
  await page.getByRole('heading', { name: 'Mail outbox' }).waitFor();
  await shot('11-outbox');
});

test('readable on a phone', async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  const p = await phone.newPage();
  await signIn(p, ADMIN_EMAIL, ADMIN_PASSWORD);
  await p.getByRole('heading', { name: 'Dashboard' }).waitFor();
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling of the page (overflow ${overflow}px)`);
  await shot('12-phone-dashboard', p);
  await p.goto(BASE + '/admin/settings');
  await shot('13-phone-settings', p);
  await phone.close();
});

test('the console sends a strict CSP and signs out', async () => {
  const response = await page.goto(BASE + '/admin/');
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You are signed out.').waitFor();
  await page.goto(BASE + '/admin/');
  assert.equal(new URL(page.url()).pathname, '/admin/login');
});
