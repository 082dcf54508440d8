// page.test.js — storyline serve's page in headless Chromium (playwright-core):
// the list, a story (summary with sources, timeline, a fact in conflict, a
// copy pair side by side), search, keyboard use, an article whose text holds
// <script> and <img onerror> shown as text, and laptop and phone screenshots.
// Usage: node page.test.js BASE_URL SHOT_DIR   (tests/browser/run.sh runs it)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const {chromium} = require('playwright-core');

const [base, shots] = process.argv.slice(2);
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log('  ok    ' + name); }
  else { failed++; console.log('  FAIL  ' + name + (detail ? '\n        ' + detail : '')); }
}

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1280, height: 800},
  });
  const dialogs = [];
  const errors = [];
  const external = [];
  context.on('page', () => {});
  const page = context.pages()[0] || await context.newPage();
  const watch = (p) => {
    p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('request', (r) => { if (!r.url().startsWith(base)) external.push(r.url()); });
  };
  watch(page);
  try {
    // The list.
    await page.goto(base + '/');
    await page.waitForSelector('.stories li');
    const titles = await page.$$eval('.stories li > a', (as) => as.map((a) => a.textContent));
    check('list: both stories, newest first', titles.length === 2 && titles[0] === 'Orla valley floods kill 12', JSON.stringify(titles));
    const meta = await page.textContent('.stories li .meta');
    check('list: size, outlets and date span', /3 articles · 3 outlets · 2026-05-31 – 2026-06-01/.test(meta), meta);
    check('list: a title with markup is shown as text', titles[1] === 'Newsletter prints <b>stray</b> code' &&
      (await page.$$('.stories b')).length === 0, titles[1]);
    await page.screenshot({path: path.join(shots, 'serve-list-laptop.png'), fullPage: true});

    // Keyboard: Tab to the first story and open it with Enter.
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href') === '#/story/1');
    }
    check('keyboard: Tab reaches the first story', reached);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.summary li');
    check('keyboard: Enter opens it', page.url().endsWith('#/story/1'), page.url());

    // The story.
    const h1 = await page.textContent('h1');
    check('story: its title', h1 === 'Orla valley floods kill 12', h1);
    const summary = await page.$$eval('.summary li', (lis) => lis.map((li) => ({text: li.textContent, links: li.querySelectorAll('.sources a[href^="#/article/"]').length})));
    check('story: a summary, each sentence linked to its sources', summary.length > 0 && summary.every((s) => s.links > 0), JSON.stringify(summary).slice(0, 300));
    const events = await page.$$eval('.timeline li', (lis) => lis.map((li) => li.querySelector('.date').textContent));
    check('story: a timeline with dates', events.length > 0 && events.every((d) => /^\d{4}/.test(d)), JSON.stringify(events));
    const conflict = await page.$$eval('table.facts tr.conflict', (trs) => trs.map((tr) => tr.textContent));
    check('story: the facts table marks the conflict (12 vs 15 dead)', conflict.some((t) => t.includes('12 dead') && t.includes('15 dead') && t.includes('conflict')), JSON.stringify(conflict));
    const speakers = await page.$$eval('.speaker', (ds) => ds.map((d) => d.textContent));
    check('story: quotes by speaker', speakers.some((s) => s.includes('Mira Endal')), JSON.stringify(speakers));
    const tree = await page.$$eval('.tree > li > ul > li', (lis) => lis.map((li) => li.textContent));
    check('story: the copy sits under its original in the tree', tree.some((t) => t.startsWith('near')), JSON.stringify(tree));
    await page.click('button.compare');
    await page.waitForSelector('.pairs .cell');
    const cells = await page.$$eval('.pairs .cell', (cs) => cs.map((c) => c.textContent));
    check('story: the copy pair side by side (copy | original)', cells.length >= 2 && cells[0].includes('Orla') && cells[1].includes('Orla'), JSON.stringify(cells.slice(0, 2)));
    const expanded = await page.getAttribute('button.compare', 'aria-expanded');
    check('story: the compare button says it is expanded', expanded === 'true', expanded);
    await page.screenshot({path: path.join(shots, 'serve-story-laptop.png'), fullPage: true});

    // Search.
    await page.fill('#q', 'newsletter');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => document.querySelector('h1') && document.querySelector('h1').textContent.includes('newsletter'));
    await page.waitForSelector('.stories li');
    const found = await page.$$eval('.stories li > a', (as) => as.map((a) => a.textContent));
    check('search: the matching story only', found.length === 1 && found[0].startsWith('Newsletter'), JSON.stringify(found));

    // The article with markup in its text.
    await page.goto(base + '/#/article/4');
    await page.waitForSelector('.text p');
    const text = await page.textContent('.text');
    check('article: <script> shown as text', text.includes("<script>alert('pwned')</script>"), text.slice(0, 200));
    check('article: <img onerror> shown as text', text.includes('<img src=x onerror=alert(1)>'), text.slice(0, 200));
    const planted = await page.$$eval('main script, main img, main b', (n) => n.length);
    check('article: no element made from the text, no alert', planted === 0 && dialogs.length === 0, 'elements ' + planted + ', dialogs ' + JSON.stringify(dialogs));
    const struck = await page.$$eval('.removed del', (ds) => ds.map((d) => d.textContent));
    check('article: removed page chrome struck through', struck.includes('Advertisement') && struck.includes('Share this article'), JSON.stringify(struck));
    await page.screenshot({path: path.join(shots, 'serve-article-laptop.png'), fullPage: true});

    // A phone.
    const phone = await context.newPage();
    watch(phone);
    await phone.setViewportSize({width: 390, height: 844});
    await phone.goto(base + '/#/story/1');
    await phone.waitForSelector('.summary li');
    await phone.click('button.compare');
    await phone.waitForSelector('.pairs .cell');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    check('phone (390 px): nothing wider than the screen', width <= 390, 'scrollWidth ' + width);
    await phone.screenshot({path: path.join(shots, 'serve-story-phone.png'), fullPage: true});
    await phone.goto(base + '/');
    await phone.waitForSelector('.stories li');
    await phone.screenshot({path: path.join(shots, 'serve-list-phone.png'), fullPage: true});

    check('no script errors on the page', errors.length === 0, JSON.stringify(errors));
    check('no request leaves the server (no external fonts or scripts)', external.length === 0, JSON.stringify(external));
  } catch (err) {
    check('the page test ran to its end', false, err.stack);
  } finally {
    await context.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  console.log('browser: ' + passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}
main();
