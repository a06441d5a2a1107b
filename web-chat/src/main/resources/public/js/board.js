// The pipeline board: drag a card to a column, or choose a stage in the card's menu (keyboard and
// touch). Each move is a PATCH through the API; the card goes back if the server refuses.
import { api } from './api.js';

const board = document.getElementById('board');
const status = document.getElementById('board-status');
let dragged = null;

function column(stage) { return board.querySelector(`.column[data-stage="${CSS.escape(stage)}"]`); }

// Columns carry the server's totals (all deals, not only the cards shown); a move shifts one card's share.
function shift(col, card, sign) {
  const sums = JSON.parse(col.dataset.totals || '{}');
  const currency = card.dataset.currency;
  sums[currency] = (sums[currency] ?? 0) + sign * Number(card.dataset.amount);
  if (Math.abs(sums[currency]) < 0.005) delete sums[currency];
  col.dataset.totals = JSON.stringify(sums);
  col.dataset.count = String(Number(col.dataset.count) + sign);
  col.querySelector('.count').textContent = col.dataset.count;
  const entries = Object.entries(sums);
  col.querySelector('.value').textContent = entries.length === 0 ? '0'
    : entries.map(([code, sum]) => `${Math.round(sum).toLocaleString('en-US')} ${code}`).join(' · ');
  const hint = col.querySelector('.empty-hint');
  if (hint) hint.hidden = Number(col.dataset.count) > 0;
}

function place(card, from, to) {
  to.querySelector('ol').prepend(card);
  card.querySelector('.move').value = to.dataset.stage;
  shift(from, card, -1);
  shift(to, card, 1);
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
    status.textContent = `${name} moved to ${stage}.`;
  } catch (error) {
    place(card, to, from);
    status.textContent = `${name} was not moved: ${error.message}`;
  }
}

board.addEventListener('dragstart', (event) => {
  dragged = event.target.closest('.deal');
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
board.addEventListener('change', (event) => {
  if (!event.target.classList.contains('move')) return;
  const card = event.target.closest('.deal');
  move(card, event.target.value).then(() => card.querySelector('.move').focus());
});
