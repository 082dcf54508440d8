// app.js — storyline serve's page: the story list, a story (summary,
// timeline, facts, quotes, articles as a copy tree) and an article, drawn
// from the JSON API (docs/server.md). Every text from the store goes in
// through textContent, never as markup: article text may carry any tags.
'use strict';

const PAGE = 20;
const main = document.getElementById('main');

// el('p', {class: 'x'}, 'text', child...): an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function link(href, text, attrs) { return el('a', Object.assign({href}, attrs || {}), text); }
function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
function span(first, last) {
  if (!first) return 'undated';
  return first === last || !last ? first : first + ' – ' + last;
}

async function api(path) {
  const r = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(body && body.error ? body.error.message : 'HTTP ' + r.status);
  return body;
}

function show(title, ...nodes) {
  document.title = title ? title + ' · storyline' : 'storyline';
  main.replaceChildren(...nodes);
  main.focus({preventScroll: true});
  window.scrollTo(0, 0);
}

function fail(err) {
  show('Error', el('h1', {}, 'Something went wrong'), el('p', {class: 'error', role: 'alert'}, err.message));
}

// ---- the story list -----------------------------------------------------

async function listView(params) {
  const q = params.get('q') || '';
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  document.getElementById('q').value = q;
  const query = new URLSearchParams({offset: String(offset), limit: String(PAGE)});
  if (q) query.set('q', q);
  if (params.get('since')) query.set('since', params.get('since'));
  if (params.get('thread')) query.set('thread', params.get('thread'));
  const d = await api('/api/stories?' + query);
  const items = d.stories.map((s) => el('li', {},
    link('#/story/' + s.id, s.title || '(untitled)'),
    el('div', {class: 'meta'},
      plural(s.size, 'article', 'articles') + ' · ' + plural(s.sources, 'outlet', 'outlets') +
      ' · ' + span(s.first_published, s.last_published))));
  const heading = q ? 'Stories matching “' + q + '”' : 'Stories';
  show(heading, el('h1', {}, heading),
    el('p', {class: 'meta'}, d.total ? plural(d.total, 'story', 'stories') + ', newest first' : 'No stories.'),
    el('ul', {class: 'stories'}, items), pager(params, offset, d.total));
}

function pager(params, offset, total) {
  const to = (o) => { const p = new URLSearchParams(params); p.set('offset', String(o)); return '#/?' + p; };
  const nav = el('nav', {class: 'pager', 'aria-label': 'Pages'});
  if (offset > 0) nav.append(link(to(Math.max(0, offset - PAGE)), '← Newer'));
  if (total) nav.append(el('span', {class: 'meta'}, 'page ' + (Math.floor(offset / PAGE) + 1) + ' of ' + Math.ceil(total / PAGE)));
  if (offset + PAGE < total) nav.append(link(to(offset + PAGE), 'Older →'));
  return nav;
}

// ---- a story ------------------------------------------------------------

// Links to the articles `ids`, labelled by outlet.
function sourceLinks(ids, byId) {
  return el('span', {class: 'sources'}, ids.map((id) => {
    const a = byId.get(id);
    return link('#/article/' + id, '[' + (a && a.source ? a.source : id) + ']', {title: a && a.title ? a.title : 'article ' + id});
  }));
}

function summarySection(summary, byId) {
  if (!summary || !summary.sentences.length) return el('p', {class: 'meta'}, 'No summary.');
  return el('ol', {class: 'summary'}, summary.sentences.map((s) => el('li', {},
    s.text, ' ', sourceLinks(s.docs, byId), el('span', {class: 'meta'}, ' ' + plural(s.sources, 'source', 'sources')))));
}

function timelineSection(timeline, byId) {
  if (!timeline || !timeline.events.length) return el('p', {class: 'meta'}, 'No dated events.');
  return el('ol', {class: 'timeline'}, timeline.events.map((ev) => el('li', {},
    el('span', {class: 'date'}, ev.date), ev.text, ' ', sourceLinks(ev.docs, byId),
    ev.from_published ? el('span', {class: 'meta'}, ' (publication date)') : null)));
}

function valueText(v) { return v.text + ' (' + plural(v.sources.length, 'source', 'sources') + ')'; }

function factsSection(facts) {
  if (!facts.length) return el('p', {class: 'meta'}, 'No facts stated by more than one source.');
  const rows = facts.map((f) => {
    const status = f.conflict ? el('span', {class: 'badge conflict'}, '✗ conflict')
      : f.agreement ? el('span', {class: 'badge agreement'}, '✓ agree') : '';
    return el('tr', {class: f.conflict ? 'conflict' : f.agreement ? 'agreement' : null},
      el('td', {}, f.about + (f.unit && f.unit !== 'date' ? ' (' + f.unit + ')' : '')),
      el('td', {}, valueText(f.values[0])),
      el('td', {}, f.values.slice(1).map(valueText).join('; ') || '—'),
      el('td', {}, status));
  });
  return el('div', {class: 'scroll', tabindex: '0'}, el('table', {class: 'facts'},
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Fact'), el('th', {scope: 'col'}, 'Most sources say'),
      el('th', {scope: 'col'}, 'Others say'), el('th', {scope: 'col'}, 'Check'))),
    el('tbody', {}, rows)));
}

function quotesSection(quotes, byId) {
  if (!quotes.length) return el('p', {class: 'meta'}, 'No quotes.');
  const bySpeaker = new Map();
  for (const q of quotes) {
    const who = q.speaker || 'Unattributed';
    if (!bySpeaker.has(who)) bySpeaker.set(who, new Map());
    const same = bySpeaker.get(who);
    if (!same.has(q.text)) same.set(q.text, []);
    same.get(q.text).push(q.article);
  }
  const out = [];
  for (const [who, said] of bySpeaker) {
    out.push(el('div', {class: 'speaker'}, who));
    for (const [text, ids] of said) out.push(el('blockquote', {}, '“' + text + '” ', sourceLinks(ids, byId)));
  }
  return el('div', {}, out);
}

function entitiesSection(entities) {
  const count = new Map();
  for (const e of entities) {
    const key = e.name + ' (' + e.type + ')';
    count.set(key, (count.get(key) || 0) + 1);
  }
  const top = [...count].sort((a, b) => b[1] - a[1]).slice(0, 20);
  if (!top.length) return el('p', {class: 'meta'}, 'No names.');
  return el('p', {}, top.map(([name, n]) => name + ' ×' + n).join(' · '));
}

// The aligned sentences of copy `copy` and its original `of`, side by side.
async function comparePairs(copy, of, box, button) {
  if (box.childElementCount) {
    box.replaceChildren();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  button.setAttribute('aria-expanded', 'true');
  try {
    const d = await api('/api/articles/' + copy.id);
    const rel = d.copies.copies.find((c) => c.article === copy.id && c.of === of.id);
    if (!rel || !rel.evidence.length) {
      box.replaceChildren(el('p', {class: 'meta'}, rel && rel.kind === 'exact' ? 'An exact copy: the same text.' : 'No aligned sentences.'));
      return;
    }
    const cells = [el('div', {class: 'head'}, 'Copy [' + copy.id + ']'), el('div', {class: 'head'}, 'Original [' + of.id + ']')];
    for (const ev of rel.evidence) {
      cells.push(el('div', {class: 'cell'}, ev.article_text), el('div', {class: 'cell'}, ev.of_text),
        el('div', {class: 'sim'}, 'similarity ' + ev.similarity.toFixed(2)));
    }
    box.replaceChildren(el('div', {class: 'pairs'}, cells));
  } catch (err) {
    box.replaceChildren(el('p', {class: 'error'}, err.message));
  }
}

function articleLine(a) {
  return [link('#/article/' + a.id, a.title || '(untitled)'),
    el('span', {class: 'meta'}, ' ' + [a.source, a.published ? a.published.slice(0, 10) : null].filter(Boolean).join(', '))];
}

// The articles as a tree: originals at the top, each copy under what it copies.
function copyTree(articles) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const children = new Map();
  const roots = [];
  for (const a of articles) {
    if (a.copy_of && byId.has(a.copy_of)) {
      if (!children.has(a.copy_of)) children.set(a.copy_of, []);
      children.get(a.copy_of).push(a);
    } else {
      roots.push(a);
    }
  }
  const node = (a, parent) => {
    const li = el('li', {});
    if (parent) {
      li.append(el('span', {class: 'kind'}, a.copy_kind || 'copy'));
    }
    li.append(...articleLine(a));
    if (parent) {
      const box = el('div', {});
      const button = el('button', {type: 'button', class: 'compare', 'aria-expanded': 'false'}, 'Compare side by side');
      button.addEventListener('click', () => comparePairs(a, parent, box, button));
      li.append(' ', button, box);
    }
    const kids = children.get(a.id) || [];
    if (kids.length) li.append(el('ul', {}, kids.map((k) => node(k, a))));
    return li;
  };
  return el('ul', {class: 'tree'}, roots.map((a) => node(a, null)));
}

async function storyView(id) {
  const d = await api('/api/stories/' + id);
  const s = d.show.story;
  const byId = new Map(s.articles.map((a) => [a.id, a]));
  const copies = s.articles.filter((a) => a.copy_of).length;
  show(s.title || 'Story ' + id,
    el('p', {class: 'meta'}, link('#/', '← All stories')),
    el('h1', {}, s.title || '(untitled)'),
    el('p', {class: 'meta'}, plural(s.size, 'article', 'articles') + ' · ' + plural(s.sources, 'outlet', 'outlets') +
      ' · ' + span(s.first_published, s.last_published) + (s.thread ? ' · ' : ''),
      s.thread ? link('#/?thread=' + s.thread, 'thread ' + s.thread) : null),
    el('h2', {}, 'Summary'), summarySection(d.summary, byId),
    el('h2', {}, 'Timeline'), timelineSection(d.timeline, byId),
    el('h2', {}, 'Facts'), factsSection(d.show.facts),
    el('h2', {}, 'Quotes'), quotesSection(d.show.quotes, byId),
    el('h2', {}, 'Names'), entitiesSection(d.show.entities),
    el('h2', {}, 'Articles'), el('p', {class: 'meta'}, copies ? 'Each copy sits under the article it copies (' + plural(copies, 'copy', 'copies') + ').' : 'No copies among them.'),
    copyTree(s.articles));
}

// ---- an article ---------------------------------------------------------

async function articleView(id) {
  const d = await api('/api/articles/' + id);
  const a = d.article.article;
  const paragraphs = a.text.split(/\n\s*\n/).filter((p) => p.trim()).map((p) => el('p', {}, p));
  const removed = a.removed.length
    ? el('ul', {class: 'removed'}, a.removed.map((r) => el('li', {}, el('del', {}, r.text), el('span', {class: 'meta'}, ' — line ' + r.line + ': ' + r.reason))))
    : el('p', {class: 'meta'}, 'Nothing was removed.');
  const copies = d.copies.copies.map((c) => {
    const other = c.article === a.id ? c.of : c.article;
    const what = c.article === a.id ? c.kind + ' copy of ' : 'copied (' + c.kind + ') by ';
    return el('li', {}, what, link('#/article/' + other, 'article ' + other));
  });
  show(a.title || 'Article ' + id,
    el('p', {class: 'meta'}, link('#/story/' + a.story, '← Story ' + a.story)),
    el('h1', {}, a.title || '(untitled)'),
    el('p', {class: 'meta'}, [a.source, a.published].filter(Boolean).join(' · '),
      a.url ? ' · ' : '', a.url ? link(a.url, a.url, {rel: 'noopener noreferrer'}) : null),
    el('div', {class: 'text'}, paragraphs),
    el('h2', {}, 'Removed page chrome'), removed,
    el('h2', {}, 'Copies'), copies.length ? el('ul', {}, copies) : el('p', {class: 'meta'}, 'No copies.'));
}

// ---- routes -------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  let m;
  let view;
  if ((m = hash.match(/^\/story\/(\d+)$/))) view = storyView(m[1]);
  else if ((m = hash.match(/^\/article\/(\d+)$/))) view = articleView(m[1]);
  else view = listView(new URLSearchParams(hash.split('?')[1] || ''));
  view.catch(fail);
}

document.getElementById('search').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  location.hash = q ? '#/?' + new URLSearchParams({q}) : '#/';
});
window.addEventListener('hashchange', route);
route();
