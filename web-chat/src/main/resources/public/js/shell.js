// The app shell on every page: the phone menu, the account menu, and the command palette (Ctrl/⌘-K
// or "/"), which searches contacts, companies, deals and documents through /api/search and offers
// the app's pages and actions. Results are written as text; links only ever point into this app.
import { api, el } from './api.js';

const body = document.body;
const toggle = document.querySelector('.menu-toggle');
const sidebar = document.getElementById('sidebar');

function setMenu(open) {
  body.classList.toggle('nav-open', open);
  toggle?.setAttribute('aria-expanded', String(open));
  if (open) sidebar.querySelector('a')?.focus();
}
toggle?.addEventListener('click', () => setMenu(!body.classList.contains('nav-open')));
document.addEventListener('click', (event) => {
  if (body.classList.contains('nav-open') && !sidebar.contains(event.target) && !toggle.contains(event.target)) setMenu(false);
  const menu = document.querySelector('.user-menu[open]');
  if (menu && !menu.contains(event.target)) menu.removeAttribute('open');
});

const mac = /Mac|iPhone|iPad/.test(navigator.platform);
document.querySelectorAll('.shortcut').forEach((key) => { key.textContent = mac ? '⌘K' : 'Ctrl K'; });

// Pages and actions, filtered by what is typed; only those whose page is in this person's sidebar.
const ACTIONS = [
  { label: 'New conversation with the agent', href: '/', words: 'chat ask agent' },
  { label: 'Add a contact', href: '/contacts#add', words: 'new create person lead' },
  { label: 'Import contacts from a CSV file', href: '/import', words: 'upload spreadsheet' },
  { label: 'Upload a document for the agent', href: '/knowledge', words: 'knowledge file pdf' },
  { label: 'New workflow', href: '/workflows#new', words: 'automation schedule' },
  { label: 'Rescore leads', href: '/scoring', words: 'model score train' },
];
const pages = [...sidebar.querySelectorAll('.nav a')].map((link) => ({
  label: `Go to ${link.querySelector('.label').textContent}`, href: link.getAttribute('href'), words: '' }));
const allowed = new Set(pages.map((page) => page.href));
const commands = [...pages, ...ACTIONS.filter((action) => allowed.has(action.href.split('#')[0]))];

const KINDS = { contact: 'Contact', company: 'Company', deal: 'Deal', interaction: 'Note', document: 'Document' };
const palette = document.getElementById('palette');
const input = document.getElementById('palette-input');
const results = document.getElementById('palette-results');
const paletteStatus = document.getElementById('palette-status');
let active = -1;
let searchTimer = null;
let searchSeq = 0;

function hrefOf(hit) {
  switch (hit.type) {
    case 'contact': return `/contacts/${hit.id}`;
    case 'company': return `/companies/${hit.id}`;
    case 'deal': return `/deals?deal=${hit.id}`;
    case 'interaction': return hit.contactId ? `/contacts/${hit.contactId}` : null;
    case 'document': return '/knowledge';
    default: return null;
  }
}

function option(index, kind, label, detail, href) {
  return el('li', { role: 'option', id: `palette-option-${index}`, 'aria-selected': 'false', 'data-href': href },
    el('span', { class: 'palette-kind', text: kind }),
    el('span', { class: 'palette-label' }, el('span', { text: label }), detail ? el('span', { class: 'small muted', text: detail }) : null));
}

// Pages and actions whose every typed word matches come first: typing "pipeline" means going there.
function render(commandMatches, hits) {
  const items = commandMatches.map((command) => ['Go', command.label, '', command.href]);
  hits.forEach((hit) => {
    const href = hrefOf(hit);
    if (href) items.push([KINDS[hit.type] ?? hit.type, hit.title, hit.contactName && hit.type !== 'contact' ? hit.contactName : hit.snippet, href]);
  });
  results.replaceChildren(...items.map(([kind, label, detail, href], index) => option(index, kind, label, detail, href)));
  select(items.length ? 0 : -1);
}

function select(index) {
  const options = [...results.children];
  options.forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
  active = index;
  if (index >= 0) {
    input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

function matchingCommands(text) {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => words.every((word) => `${command.label} ${command.words}`.toLowerCase().includes(word)));
}

function update() {
  const text = input.value.trim();
  const commandMatches = text ? matchingCommands(text).slice(0, 6) : commands.slice(0, 8);
  render(commandMatches, []);
  clearTimeout(searchTimer);
  if (text.length < 2) { paletteStatus.textContent = text ? '' : 'Type to search, ↑ ↓ to choose, Enter to open.'; return; }
  const seq = ++searchSeq;
  paletteStatus.textContent = 'Searching…';
  searchTimer = setTimeout(async () => {
    try {
      const answer = await api('GET', `/api/search?limit=8&q=${encodeURIComponent(text)}`);
      if (seq !== searchSeq) return;
      render(commandMatches, answer.items ?? []);
      const found = (answer.items ?? []).length;
      paletteStatus.textContent = found ? `${found} found` : `Nothing found for “${text}”.`;
    } catch (error) {
      if (seq === searchSeq) paletteStatus.textContent = `Search did not work: ${error.message}`;
    }
  }, 180);
}

function open() {
  if (palette.open) return;
  setMenu(false);
  palette.showModal();
  input.value = '';
  update();
  input.focus();
}

function go(index) {
  const item = results.children[index];
  if (item?.dataset.href) location.assign(item.dataset.href);
}

input.addEventListener('input', update);
input.addEventListener('keydown', (event) => {
  const count = results.children.length;
  if (event.key === 'ArrowDown' && count) { event.preventDefault(); select((active + 1) % count); }
  else if (event.key === 'ArrowUp' && count) { event.preventDefault(); select((active - 1 + count) % count); }
  else if (event.key === 'Enter') { event.preventDefault(); go(active); }
});
results.addEventListener('click', (event) => {
  const item = event.target.closest('[role=option]');
  if (item) go([...results.children].indexOf(item));
});
palette.addEventListener('click', (event) => { if (event.target === palette) palette.close(); });
document.querySelectorAll('[data-palette]').forEach((button) => button.addEventListener('click', open));

const typing = (target) => target.closest('input, textarea, select, [contenteditable="true"]');
document.addEventListener('keydown', (event) => {
  if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) { event.preventDefault(); open(); }
  else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !typing(event.target)) { event.preventDefault(); open(); }
  else if (event.key === 'Escape') setMenu(false);
});
