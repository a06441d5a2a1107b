// The pipeline board: drag a card to a column, or open its ⋯ menu (mouse, touch or keyboard: Enter,
// arrows, Escape) and pick a stage. Each move is a PATCH through the API; the card goes back if the
// server refuses. Column and board totals follow every move.
import { api, el } from './api.js';
import { totals, whole } from './format.js';

const board = document.getElementById('board');
const status = document.getElementById('board-status');
const columns = () => [...board.querySelectorAll('.column')];
let dragged = null;

const column = (stage) => board.querySelector(`.column[data-stage="${CSS.escape(stage)}"]`);
const sums = (col) => JSON.parse(col.dataset.totals || '{}');

function weighted(col) {
  const share = Number(col.dataset.probability) / 100;
  return Object.fromEntries(Object.entries(sums(col)).map(([code, sum]) => [code, Math.round(sum * share)]));
}

function add(into, values) {
  for (const [code, sum] of Object.entries(values)) into[code] = (into[code] ?? 0) + sum;
  return into;
}

function redrawSummary() {
  const open = columns().filter((col) => !['won', 'lost'].includes(col.dataset.stage));
  const summary = document.getElementById('board-summary').querySelectorAll('strong');
  summary[0].textContent = whole(open.reduce((count, col) => count + Number(col.dataset.count), 0));
  summary[1].textContent = totals(open.reduce((all, col) => add(all, sums(col)), {}));
  summary[2].textContent = totals(open.reduce((all, col) => add(all, weighted(col)), {}));
}

// Columns carry the server's totals (all deals, not only the cards shown); a move shifts one card's share.
function shift(col, card, sign) {
  const values = sums(col);
  const currency = card.dataset.currency;
  values[currency] = (values[currency] ?? 0) + sign * Number(card.dataset.amount);
  if (Math.abs(values[currency]) < 0.005) delete values[currency];
  col.dataset.totals = JSON.stringify(values);
  col.dataset.count = String(Number(col.dataset.count) + sign);
  col.querySelector('.count').textContent = col.dataset.count;
  col.querySelector('.total').textContent = totals(values);
  const share = col.querySelector('.weighted-value');
  if (share) share.textContent = totals(weighted(col));
  const hint = col.querySelector('.empty-hint');
  if (hint) hint.hidden = Number(col.dataset.count) > 0;
}

function place(card, from, to) {
  to.querySelector('ol').prepend(card);
  shift(from, card, -1);
  shift(to, card, 1);
  redrawSummary();
}

async function move(card, stage) {
  const from = card.closest('.column');
  if (from.dataset.stage === stage) return;
  const name = card.querySelector('.name').textContent;
  const to = column(stage);
  place(card, from, to);
  status.textContent = `Moving ${name}…`;
  try {
    await api('PATCH', `/api/deals/${card.dataset.deal}`, { stage });
    card.querySelector('.in-stage').textContent = '0 d in stage';
    status.textContent = `${name} moved to ${to.dataset.label.toLowerCase()}.`;
  } catch (error) {
    place(card, to, from);
    status.textContent = `${name} was not moved: ${error.message}`;
  }
}

// The card menu: built when opened, one at a time.
let openMenu = null;

function closeMenu(focusButton) {
  if (!openMenu) return;
  const { button, list } = openMenu;
  list.remove();
  button.setAttribute('aria-expanded', 'false');
  if (focusButton) button.focus();
  openMenu = null;
}

function showMenu(button, focusLast = false) {
  closeMenu(false);
  const card = button.closest('.deal');
  const current = card.closest('.column').dataset.stage;
  const list = el('ul', { role: 'menu', id: `menu-${card.dataset.deal}`, 'aria-label': `Move ${card.querySelector('.name').textContent} to stage` },
    ...columns().map((col) => el('li', { role: 'none' }, el('button', { type: 'button', role: 'menuitemradio', tabindex: '-1',
      'aria-checked': String(col.dataset.stage === current), 'data-stage': col.dataset.stage, text: col.dataset.label }))));
  button.after(list);
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', list.id);
  openMenu = { button, list, card };
  const items = [...list.querySelectorAll('[role=menuitemradio]')];
  (focusLast ? items.at(-1) : items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0]).focus();
}

board.addEventListener('click', (event) => {
  const item = event.target.closest('[role=menuitemradio]');
  if (item && openMenu) {
    const { card } = openMenu;
    closeMenu(false);
    move(card, item.dataset.stage).then(() => card.querySelector('.deal-menu > button').focus());
    return;
  }
  const button = event.target.closest('.deal-menu > button');
  if (button) {
    if (openMenu?.button === button) closeMenu(true);
    else showMenu(button);
  }
});

board.addEventListener('keydown', (event) => {
  const button = event.target.closest('.deal-menu > button');
  if (button && !openMenu && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    showMenu(button, event.key === 'ArrowUp');
    return;
  }
  if (!openMenu || !openMenu.list.contains(event.target)) return;
  const items = [...openMenu.list.querySelectorAll('[role=menuitemradio]')];
  const index = items.indexOf(event.target);
  const go = (next) => { event.preventDefault(); items[(next + items.length) % items.length].focus(); };
  if (event.key === 'ArrowDown') go(index + 1);
  else if (event.key === 'ArrowUp') go(index - 1);
  else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(items.length - 1);
  else if (event.key === 'Escape') { event.preventDefault(); closeMenu(true); }
  else if (event.key === 'Tab') closeMenu(false);
});

document.addEventListener('click', (event) => {
  if (openMenu && !openMenu.card.contains(event.target)) closeMenu(false);
});

board.addEventListener('dragstart', (event) => {
  dragged = event.target.closest('.deal');
  closeMenu(false);
  event.dataTransfer.setData('text/plain', dragged.dataset.deal);
  event.dataTransfer.effectAllowed = 'move';
});
board.addEventListener('dragover', (event) => {
  const col = event.target.closest('.column');
  if (!col || !dragged) return;
  event.preventDefault();
  board.querySelectorAll('.drop-target').forEach((c) => c.classList.remove('drop-target'));
  col.classList.add('drop-target');
});
board.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget || !event.currentTarget.contains(event.relatedTarget)) {
    board.querySelectorAll('.drop-target').forEach((c) => c.classList.remove('drop-target'));
  }
});
board.addEventListener('drop', (event) => {
  const col = event.target.closest('.column');
  board.querySelectorAll('.drop-target').forEach((c) => c.classList.remove('drop-target'));
  if (!col || !dragged) return;
  event.preventDefault();
  move(dragged, col.dataset.stage);
  dragged = null;
});

// A link to one deal (/deals?deal=…) scrolls the board to its card and marks it.
const wanted = new URLSearchParams(location.search).get('deal');
const target = wanted && document.getElementById(`deal-${wanted}`);
if (target) {
  target.classList.add('highlight');
  target.scrollIntoView({ block: 'center', inline: 'center' });
  target.querySelector('.deal-menu > button').focus({ preventScroll: true });
}
