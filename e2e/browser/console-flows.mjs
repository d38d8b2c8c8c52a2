// Browser tests for the Hikyaku console: Playwright (playwright-core, no downloaded browser)
// driving Debian's Chromium against a running Hikyaku on a fresh database.
//
//   node browser/console-flows.mjs --base http://127.0.0.1:PORT --setup-token TOKEN
//
// Prints "ok - name" / "not ok - name: reason" per scenario and a final "N passed, M failed";
// exits non-zero on any failure. The scenarios build on each other (the admin created in the
// first one signs in in the second), so a failure makes the dependent ones fail fast.
import { chromium } from 'playwright-core';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = parseArgs(process.argv.slice(2));
const BASE = (args.base ?? '').replace(/\/+$/, '');
const SETUP_TOKEN = args['setup-token'];
if (!BASE || !SETUP_TOKEN) {
  console.error('usage: console-flows.mjs --base http://127.0.0.1:PORT --setup-token TOKEN');
  process.exit(2);
}
const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'screenshots');
const TIMEOUT_MS = 15_000;

// Personal names: the app refuses generic ones such as "admin". Passwords are >= 12 characters
// and do not contain the username (the password policy).
const ADMIN = { username: 'sato.k', displayName: '佐藤 健', password: 'kumo-no-ue-de-hashiru-2024' };
const AUTHOR = { username: 'suzuki.a', displayName: '鈴木 愛', password: 'tegami-wo-todokeru-hikyaku' };

// ---- TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s) --------------------------------------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.toUpperCase().replace(/[\s=]/g, '')) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function hotp(secret, counter) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const hash = createHmac('sha1', secret).update(msg).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

// The server accepts each step once (replay protection) and one step of drift either way, so
// a code for a step not used before is taken from now or now+1, else we wait for the next step.
const lastUsedStep = new Map();
async function freshTotp(secretText) {
  for (;;) {
    const now = currentStep();
    const last = lastUsedStep.get(secretText) ?? -Infinity;
    const step = [now, now + 1].find((s) => s > last);
    if (step !== undefined) {
      lastUsedStep.set(secretText, step);
      return hotp(base32Decode(secretText), step);
    }
    await sleep(30_000 - (Date.now() % 30_000) + 200);
  }
}

// ---- Browser plumbing ------------------------------------------------------------------------

// Everything the browser reported as an error, for the CSP scenario at the end.
const browserErrors = [];
const visited = new Set();

// launch() starts Chromium on a fresh, empty user-data dir of its own (deleted on close), so no
// profile state leaks in; each scenario gets an isolated context (cookies) in that browser.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  page.on('console', (msg) => {
    // location() names the resource that failed, which page.url() (the document) does not.
    if (msg.type() === 'error') {
      browserErrors.push({ url: page.url(), text: `${msg.text()} [${msg.location().url}]` });
    }
  });
  page.on('pageerror', (err) => browserErrors.push({ url: page.url(), text: `pageerror: ${err}` }));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.add(new URL(frame.url()).pathname);
  });
  return page;
}

const path = (page) => new URL(page.url()).pathname;

async function expectPath(page, expected) {
  await page.waitForURL((url) => url.pathname === expected, { timeout: TIMEOUT_MS }).catch(() => {});
  if (path(page) !== expected) {
    throw new Error(`expected ${expected}, at ${page.url()}: ${await visibleAlert(page)}`);
  }
}

// The first alert's text, so a failure report says what the page said.
async function visibleAlert(page) {
  const alert = page.locator('[role=alert]').first();
  return (await alert.count()) ? `alert "${(await alert.innerText()).trim()}"` : 'no alert shown';
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function signIn(page, user) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await page.click('main form button[type=submit]');
}

async function signOut(page) {
  await page.click('header form[action$="/logout"] button[type=submit]');
  await expectPath(page, '/login');
}

// ---- Scenarios -------------------------------------------------------------------------------

const state = {};

async function setupFirstAdmin() {
  const page = await newPage();
  state.adminPage = page;
  await page.goto(`${BASE}/setup?token=${encodeURIComponent(SETUP_TOKEN)}`);
  await page.fill('input[name=username]', ADMIN.username);
  await page.fill('input[name=displayName]', ADMIN.displayName);
  await page.fill('input[name=password]', ADMIN.password);
  await page.fill('input[name=confirmation]', ADMIN.password);
  await page.click('main form button[type=submit]');
  await expectPath(page, '/mfa/enrol');

  check(await page.locator('.qr svg').count() === 1, 'no QR code (inline SVG) on the enrolment page');
  const secret = (await page.locator('#totp-secret').innerText()).trim();
  check(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/.test(secret), `secret not in groups of 4: "${secret}"`);
  check(base32Decode(secret).length === 20, 'secret is not 160 bits');
  state.secret = secret;

  await page.fill('input[name=code]', await freshTotp(secret));
  await page.click('main form button[type=submit]');
  await page.locator('#recovery-codes').waitFor().catch(() => {});
  const codes = await page.locator('#recovery-codes li').allInnerTexts();
  check(codes.length === 10, `expected 10 recovery codes, got ${codes.length}: ${await visibleAlert(page)}`);
  check(codes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c.trim())), `odd codes: ${codes}`);
  check(new Set(codes).size === 10, 'recovery codes repeat');
}

async function loginWithMfa() {
  const page = state.adminPage;
  check(page && state.secret, 'needs the admin from the setup scenario');
  await signOut(page);
  await signIn(page, ADMIN);
  await expectPath(page, '/login/mfa');
  await page.fill('input[name=code]', await freshTotp(state.secret));
  await page.click('main form button[type=submit]');
  await expectPath(page, '/');
  const roles = await page.locator('#my-roles li').allInnerTexts();
  check(roles.some((r) => r === 'Administrator' || r === '管理者'), `roles shown: ${roles}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
}

async function japaneseUi() {
  // No cookie yet, so Accept-Language (from the context locale) picks the language.
  const page = await newPage({ locale: 'ja-JP' });
  await page.goto(`${BASE}/login`);
  check(await page.locator('html').getAttribute('lang') === 'ja', 'html lang is not ja');
  check((await page.locator('h1').innerText()) === 'ログイン', `h1: ${await page.locator('h1').innerText()}`);
  check((await page.title()).startsWith('ログイン'), `title: ${await page.title()}`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'login-ja.png'), fullPage: true });

  await page.goto(`${BASE}/login?lang=en`);
  check(await page.locator('html').getAttribute('lang') === 'en', 'html lang is not en after ?lang=en');
  check((await page.locator('h1').innerText()) === 'Sign in', `h1 after ?lang=en: ${await page.locator('h1').innerText()}`);

  // The choice is remembered (cookie) over the browser's Accept-Language.
  await page.goto(`${BASE}/login`);
  check((await page.locator('h1').innerText()) === 'Sign in', 'language choice not remembered');
  await page.context().close();
}

async function lockout() {
  const admin = state.adminPage;
  check(admin && path(admin) === '/', 'needs the signed-in admin from the login scenario');
  await admin.goto(`${BASE}/admin/users`);
  const form = admin.locator('#new-user');
  await form.locator('input[name=username]').fill(AUTHOR.username);
  await form.locator('input[name=displayName]').fill(AUTHOR.displayName);
  await form.locator('input[name=email]').fill('suzuki.a@example.jp');
  await form.locator('input[name=roles][value=AUTHOR]').check();
  await form.locator('button[type=submit]').click();
  await admin.locator('#setup-url').waitFor().catch(() => {});
  check(await admin.locator('#setup-url').count() === 1, `no setup link: ${await visibleAlert(admin)}`);
  // The link names the configured public URL; keep its token, use the server under test.
  const link = new URL((await admin.locator('#setup-url').innerText()).trim());
  const token = link.searchParams.get('token');
  check(token, `no token in ${link}`);

  const page = await newPage();
  await page.goto(`${BASE}/setup?token=${encodeURIComponent(token)}`);
  check(await page.locator('input[name=username]').count() === 0, 'invited user is asked for a username');
  await page.fill('input[name=password]', AUTHOR.password);
  await page.fill('input[name=confirmation]', AUTHOR.password);
  await page.click('main form button[type=submit]');
  await expectPath(page, '/'); // AUTHOR needs no second factor.
  const roles = await page.locator('#my-roles li').allInnerTexts();
  check(roles.some((r) => r === 'Author' || r === '作成者'), `roles shown: ${roles}`);
  await signOut(page);

  // Failures 1-4 say "wrong password"; the 5th locks the account.
  for (let i = 1; i <= 5; i++) {
    await signIn(page, { ...AUTHOR, password: `not-the-password-${i}` });
    await expectPath(page, '/login');
    const error = page.locator('#login-error');
    check(await error.count() === 1, `attempt ${i}: no #login-error`);
    const text = await error.innerText();
    const locked = /This account is locked|ロックされています/.test(text);
    check(locked === (i === 5), `attempt ${i}: "${text.trim()}"`);
  }
  await signIn(page, AUTHOR);
  await expectPath(page, '/login');
  const text = (await page.locator('#login-error').innerText().catch(() => '')).trim();
  check(/This account is locked|ロックされています/.test(text), `right password while locked: "${text}"`);
  await page.goto(`${BASE}/`);
  await expectPath(page, '/login'); // Not signed in.
  await page.context().close();

  // The admin disables the person. A destructive action asks first (hx-confirm on a boosted
  // form): dismissing changes nothing, confirming disables.
  await admin.goto(`${BASE}/admin/users`);
  await admin.click(`#users a:text-is("${AUTHOR.username}")`);
  const disable = admin.locator('form[action$="/disable"] button');
  admin.once('dialog', (dialog) => dialog.dismiss());
  await disable.click();
  await admin.waitForTimeout(500);
  const before = (await admin.locator('#user-state').innerText()).trim();
  check(/^(active|有効)$/.test(before), `after dismissing the confirmation: "${before}"`);
  admin.once('dialog', (dialog) => dialog.accept());
  await disable.click();
  await admin.locator('#user-state', { hasText: /disabled|無効/ }).waitFor({ timeout: 5000 }).catch(() => {});
  const after = (await admin.locator('#user-state').innerText()).trim();
  check(/^(disabled|無効)$/.test(after), `after confirming: "${after}"`);
}

// The approval scenario's people, invited by the admin; the sending domain and the audience come
// from the test (--approval-domain, --approval-audience).
const PEOPLE = {
  author: { username: 'takahashi.m', displayName: '高橋 誠', roles: ['AUTHOR', 'OPERATOR'], password: 'hikyaku-no-tabi-wa-nagai' },
  author2: { username: 'ito.y', displayName: '伊藤 陽子', roles: ['AUTHOR'], password: 'tsugi-no-shukuba-made-isoide' },
  approver: { username: 'watanabe.h', displayName: '渡辺 浩', roles: ['APPROVER'], password: 'hanko-wo-osu-mae-ni-yomu' },
};

// The admin invites a person; the token of their one-time setup link.
async function invite(admin, person) {
  await admin.goto(`${BASE}/admin/users`);
  const form = admin.locator('#new-user');
  await form.locator('input[name=username]').fill(person.username);
  await form.locator('input[name=displayName]').fill(person.displayName);
  await form.locator('input[name=email]').fill(`${person.username}@example.jp`);
  for (const role of person.roles) await form.locator(`input[name=roles][value=${role}]`).check();
  await form.locator('button[type=submit]').click();
  await admin.locator('#setup-url').waitFor().catch(() => {});
  check(await admin.locator('#setup-url').count() === 1, `no setup link for ${person.username}: ${await visibleAlert(admin)}`);
  return new URL((await admin.locator('#setup-url').innerText()).trim()).searchParams.get('token');
}

// Completes a person's setup from their link; returns the TOTP secret when MFA was enrolled.
async function completeSetup(page, token, person) {
  await page.goto(`${BASE}/setup?token=${encodeURIComponent(token)}`);
  await page.fill('input[name=password]', person.password);
  await page.fill('input[name=confirmation]', person.password);
  await page.click('main form button[type=submit]');
  await page.waitForLoadState();
  if (path(page) !== '/mfa/enrol') return null;
  const secret = (await page.locator('#totp-secret').innerText()).trim();
  await page.fill('input[name=code]', await freshTotp(secret));
  await page.click('main form button[type=submit]');
  await page.locator('#recovery-codes').waitFor();
  return secret;
}

async function composeCampaign(page, name) {
  await page.goto(`${BASE}/campaigns/new`);
  const form = page.locator('#campaign-form');
  await form.locator('input[name=name]').fill(name);
  await form.locator('select[name=sendingDomain]').selectOption(args['approval-domain']);
  await form.locator('select[name=audienceId]').selectOption(args['approval-audience']);
  await form.locator('input[name=subject]').fill('{{name}} 様へ 12月のお知らせ');
  await form.locator('textarea[name=bodyText]').fill('{{name}} 様\n\n年末年始の営業日のご案内です。\n');
  await form.locator('textarea[name=testRecipients]').fill('seed@example.net');
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/campaigns\/\d+$/);
  const id = path(page).split('/').pop();
  await page.click('#test-send');
  await page.waitForURL(/\/campaigns\/\d+$/);
  await page.click('#submit-approval');
  await page.waitForURL(/\/campaigns\/\d+$/);
  const state = (await page.locator('#approval-state').innerText()).trim();
  check(/waiting for approval/.test(state), `after submitting ${name}: "${state}" ${await visibleAlert(page)}`);
  return id;
}

async function approveAs(page, id) {
  await page.goto(`${BASE}/approvals`);
  await page.click(`#pending a[href$="/campaigns/${id}/review"]`);
  await expectPath(page, `/campaigns/${id}/review`);
  check(await page.locator('#preview-desktop').count() === 1, 'no desktop preview');
  check(await page.locator('#preview-mobile').count() === 1, 'no mobile preview');
  const domains = await page.locator('#domains tbody tr').allInnerTexts();
  check(domains.some((d) => d.includes('example.jp')), `recipients per domain: ${domains}`);
  check(await page.locator('#samples tbody tr').count() >= 1, 'no sample recipients');
  for (const frame of ['#preview-desktop', '#preview-mobile']) {
    const body = page.frameLocator(frame).locator('body');
    await body.waitFor({ timeout: 5_000 }).catch(() => {});
    const text = await body.innerText().catch((e) => `(${e.message.split('\n')[0]})`);
    check(text.includes('年末年始'), `${frame} shows: "${text.slice(0, 80)}"`);
  }
  await page.fill('#comment', '内容を確認しました');
  await page.click('#approve');
  await page.locator('#approved-notice').waitFor().catch(() => {});
  const state = (await page.locator('#request-state').innerText()).trim();
  check(state === 'approved', `after approving: "${state}" ${await visibleAlert(page)}`);
}

async function approvalWorkflow() {
  const admin = state.adminPage;
  check(admin && args['approval-domain'], 'needs the signed-in admin and the prepared domain');
  const APPROVAL = {};
  for (const [key, person] of Object.entries(PEOPLE)) APPROVAL[key] = await invite(admin, person);
  const author = await newPage();
  author.on('dialog', (dialog) => dialog.accept());
  await completeSetup(author, APPROVAL.author, PEOPLE.author);

  // The author composes, sends a test and requests approval; starting before approval is refused.
  const first = await composeCampaign(author, '12月のお知らせ');
  await author.click('#start');
  await author.waitForLoadState();
  check(/approval|承認/.test(await visibleAlert(author)), `start before approval: ${await visibleAlert(author)}`);
  check((await author.locator('#status').innerText()).trim() === 'draft', 'started without approval');
  // The author holds no approver role, and could not approve their own request anyway.
  await author.goto(`${BASE}/campaigns/${first}/review`);
  check(await author.locator('#approve').count() === 0, 'the author is offered to approve');

  // The approver enrols MFA at setup, signs out, and signs in again with password and TOTP.
  const approver = await newPage();
  const secret = await completeSetup(approver, APPROVAL.approver, PEOPLE.approver);
  check(secret, 'the approver was not asked to enrol MFA');
  await approver.goto(`${BASE}/`);
  await signOut(approver);
  await signIn(approver, PEOPLE.approver);
  await expectPath(approver, '/login/mfa');
  await approver.fill('input[name=code]', await freshTotp(secret));
  await approver.click('main form button[type=submit]');
  await expectPath(approver, '/');
  await approveAs(approver, first);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await approver.screenshot({ path: join(SCREENSHOTS, 'approval-review.png'), fullPage: true });

  // The author (also an operator here) starts the approved send.
  await author.goto(`${BASE}/campaigns/${first}`);
  await author.click('#start');
  await author.waitForURL(/\/campaigns\/\d+$/);
  const status = (await author.locator('#status').innerText()).trim();
  check(status === 'started', `after starting: "${status}" ${await visibleAlert(author)}`);

  // A second campaign is approved, then a second author edits it: sending is refused.
  const second = await composeCampaign(author, '1月のお知らせ');
  await approveAs(approver, second);
  const author2 = await newPage();
  await completeSetup(author2, APPROVAL.author2, PEOPLE.author2);
  await author2.goto(`${BASE}/campaigns/${second}/edit`);
  await author2.locator('input[name=subject]').fill('{{name}} 様へ 1月のお知らせ（訂正）');
  await author2.locator('#campaign-form button[type=submit]').click();
  await author2.waitForURL(/\/campaigns\/\d+$/);
  await author.goto(`${BASE}/campaigns/${second}`);
  await author.click('#start');
  await author.waitForLoadState();
  const alert = await visibleAlert(author);
  check(/Request approval first/.test(alert), `start after an edit: ${alert}`);
  check((await author.locator('#status').innerText()).trim() === 'draft', 'an edited campaign started');
  const after = (await author.locator('#approval-state').innerText()).trim();
  check(/void/.test(after), `approval after the edit: "${after}"`);
  for (const p of [author, approver, author2]) await p.context().close();
}

async function strictCsp() {
  check(visited.size > 0, 'no pages visited');
  // htmx (a script) and the stylesheet must load under script-src/style-src 'self'.
  const page = await newPage();
  await page.goto(`${BASE}/login`);
  await page.waitForFunction(() => typeof window.htmx === 'object', null, { timeout: 5_000 })
    .catch(() => {});
  check(await page.evaluate(() => typeof window.htmx === 'object'), 'htmx did not load');
  const rules = await page.evaluate(() =>
    [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0));
  check(rules > 0, 'console.css did not load');
  await page.context().close();

  const csp = browserErrors.filter((e) => /Content[- ]Security[- ]Policy|CSP/i.test(e.text));
  const thrown = browserErrors.filter((e) => e.text.startsWith('pageerror:'));
  const bad = [...csp, ...thrown];
  check(bad.length === 0, bad.map((e) => `${e.url}: ${e.text}`).join(' | '));
}

// ---- Runner ----------------------------------------------------------------------------------

const scenarios = [
  ['setup: first admin, TOTP enrolment, 10 recovery codes', setupFirstAdmin],
  ['login with password and TOTP lands on the dashboard', loginWithMfa],
  ['Japanese UI from Accept-Language, ?lang=en switches', japaneseUi],
  ['lockout after 5 wrong passwords refuses the right one; admin disables with confirmation', lockout],
  ['approval: author submits, approver signs in with MFA and approves, author starts; an edit after approval is refused', approvalWorkflow],
  ['no Content-Security-Policy violations; htmx and CSS load', strictCsp],
];

let passed = 0;
let failed = 0;
try {
  for (const [name, run] of scenarios) {
    try {
      await run();
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name}: ${String(e.message ?? e).split('\n')[0]}`);
    }
  }
  for (const e of browserErrors) console.log(`# browser error on ${e.url}: ${e.text}`);
  console.log(`# pages visited: ${[...visited].sort().join(' ')}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
  }
  return out;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
