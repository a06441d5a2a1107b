// The chat page: sends messages over /ws/chat (subprotocol crm.v1, the session cookie signs it in)
// and renders the turn's events as they arrive, from the view the server sends with each (the same
// one chat.jte renders for history). Everything from the model or records goes in as text
// (textContent); the only HTML inserted is the final answer the server rendered and sanitized.
import { api, el, socketUrl } from './api.js';

const messages = document.getElementById('messages');
const form = document.getElementById('composer');
const input = document.getElementById('message');
const send = document.getElementById('send');
const status = document.getElementById('chat-status');
let conversationId = messages.dataset.conversation || null;
let socket = null;
let pending = null;      // { text, bubble } while a message waits for the turn to start
let sendWhenOpen = false; // a message sent before the socket was up goes out once it is
let answer = null;       // the streaming answer bubble of the running turn
let tokens = 0;
const tools = new Map();

function connect() {
  socket = new WebSocket(socketUrl('/ws/chat'), ['crm.v1']);
  socket.addEventListener('open', () => {
    form.dataset.connected = 'true';
    setStatus('');
    if (sendWhenOpen) {
      sendWhenOpen = false;
      submit();
    }
  });
  socket.addEventListener('message', (event) => handle(JSON.parse(event.data)));
  socket.addEventListener('close', () => {
    form.dataset.connected = 'false';
    if (pending) failPending('The connection dropped before the agent got your message. Your text is still in the box: send it again.');
    setStatus('Reconnecting…');
    setTimeout(connect, 1500);
  });
}

function setStatus(text) { status.textContent = text; }

function scroll() { window.scrollTo(0, document.body.scrollHeight); }

function busy(on) {
  send.disabled = on;
  form.setAttribute('aria-busy', on ? 'true' : 'false');
}

function submit() {
  const text = input.value.trim();
  if (!text || send.disabled) return;
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    sendWhenOpen = true;
    setStatus('Connecting… your message goes out as soon as the connection is up.');
    return;
  }
  document.getElementById('chat-empty')?.remove();
  const bubble = el('div', { class: 'msg user', text });
  messages.append(bubble);
  pending = { text, bubble };
  busy(true);
  setStatus('Sending…');
  socket.send(JSON.stringify({ type: 'message', message: text, conversationId }));
  scroll();
}

function failPending(message) {
  pending?.bubble.remove();
  // The text stays in the box: nothing typed is lost when a send fails.
  if (pending && !input.value) input.value = pending.text;
  pending = null;
  busy(false);
  showError(message);
}

function showError(message) {
  messages.append(el('div', { class: 'msg error', role: 'alert', text: message }));
  setStatus('');
  scroll();
}

function handle(frame) {
  switch (frame.type) {
    case 'started': {
      if (pending) { input.value = ''; pending = null; }
      if (!conversationId) {
        conversationId = frame.conversationId;
        history.replaceState(null, '', `/?c=${conversationId}`);
        addConversation(conversationId, frame.title);
      }
      tokens = 0;
      answer = el('div', { class: 'msg ai streaming', 'data-streaming': 'true' });
      setStatus(frame.mode === 'offline' ? 'The offline planner is working…' : 'The agent is working…');
      break;
    }
    case 'token': {
      if (!answer) break;
      if (!answer.isConnected) messages.append(answer);
      tokens++;
      answer.dataset.tokens = String(tokens);
      answer.append(document.createTextNode(frame.text));
      break;
    }
    case 'tool_started': tools.set(frame.callId, toolLine(frame.summary, frame.details)); break;
    case 'tool_finished': {
      const line = tools.get(frame.callId) ?? toolLine(frame.summary, frame.details);
      const view = frame.view ?? { summary: frame.summary, details: frame.details ?? '', ok: frame.ok, millis: frame.millis };
      line.querySelector('.state').textContent = view.ok ? '✓' : '!';
      line.querySelector('.state').className = `state ${view.ok ? 'state-ok' : 'state-failed'}`;
      line.querySelector('.text').textContent = view.summary;
      line.querySelector('p').textContent = `${view.details ? `${view.details} · ` : ''}took ${view.millis} ms`;
      break;
    }
    case 'proposal': if (frame.view) messages.append(proposalCard(frame.view)); break;
    case 'proposal_decided': decided(frame); break;
    case 'table': if (frame.view) messages.append(table(frame.view)); break;
    case 'final': {
      const bubble = answer ?? el('div', { class: 'msg ai' });
      bubble.classList.remove('streaming');
      delete bubble.dataset.streaming;
      bubble.innerHTML = frame.html ?? '';
      if (!bubble.innerHTML) bubble.textContent = frame.text;
      messages.append(bubble);
      answer = null;
      busy(false);
      setStatus('');
      input.focus();
      break;
    }
    case 'error': {
      answer?.remove();
      answer = null;
      if (pending) failPending(frame.message);
      else { busy(false); showError(frame.message); }
      break;
    }
    default: break;
  }
  scroll();
}

function addConversation(id, title) {
  let list = document.getElementById('conversation-list');
  if (!list) {
    list = el('ul', { id: 'conversation-list' });
    document.querySelector('.conversations p')?.remove();
    document.querySelector('.conversations').append(list);
  }
  list.querySelectorAll('a[aria-current]').forEach((a) => a.removeAttribute('aria-current'));
  list.prepend(el('li', {}, el('a', { href: `/?c=${id}`, 'aria-current': 'page', text: title || 'New conversation' })));
}

function toolLine(summary, details) {
  const line = el('details', { class: 'tool' },
    el('summary', {}, el('span', { class: 'state', 'aria-hidden': 'true', text: '…' }), ' ', el('span', { class: 'text', text: summary })),
    el('p', { class: 'small muted', text: details ?? '' }));
  messages.append(line);
  return line;
}

// A proposal card from its view (chat/proposal.jte draws the same from history).
function proposalCard(view) {
  const card = el('article', { class: 'card proposal', 'data-proposal': view.id, 'data-hash': view.hash,
    'data-status': view.status, 'aria-label': `Proposed action: ${view.summary}` },
    el('h3', {}, el('span', { class: 'proposal-kicker', text: 'Needs your approval' }), view.summary));
  if (view.fields.length) {
    card.append(el('dl', { class: 'preview' }, ...view.fields.map((field) => el('div', { class: field.multiline ? 'preview-row long' : 'preview-row', 'data-name': field.name },
      el('dt', { text: field.label }), el('dd', { text: field.value })))));
  }
  if (view.records.length) {
    const chips = el('ul', { class: 'chips' }, ...view.records.map((link) => el('li', {},
      link.href ? el('a', { href: link.href, text: link.text }) : link.text)));
    if (view.moreRecords > 0) chips.append(el('li', { text: `and ${view.moreRecords} more` }));
    card.append(el('div', { class: 'affected' }, el('p', { class: 'small muted', text: 'Affects' }), chips));
  }
  if (view.status === 'pending') {
    if (view.editable.length) {
      card.append(el('form', { class: 'proposal-edit', hidden: true },
        ...view.editable.map((field) => el('label', {}, field.label, field.multiline
          ? el('textarea', { name: field.name, rows: '6', text: field.value })
          : el('input', { name: field.name, value: field.value }))),
        el('p', { class: 'small muted', text: 'Saving makes a new proposal with your changes; this one is set aside.' }),
        el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', text: 'Save changes' }),
          el('button', { type: 'button', class: 'cancel-edit', text: 'Cancel' }))));
    }
    card.append(el('div', { class: 'row decision' },
      el('button', { type: 'button', class: 'primary approve', text: 'Approve' }),
      view.editable.length ? el('button', { type: 'button', class: 'edit', text: 'Edit' }) : null,
      el('button', { type: 'button', class: 'reject', text: 'Reject' })));
  }
  card.append(el('p', { class: 'status small', role: 'status', text: view.statusText }));
  return card;
}

// A decision replaces the card where it stands, so its buttons and "waiting" line go with it.
function decided(frame) {
  const card = messages.querySelector(`[data-proposal="${CSS.escape(frame.proposalId)}"]`);
  if (!card) {
    messages.append(el('p', { class: 'small muted', text: frame.view ? `${frame.view.summary}: ${frame.view.statusText}` : frame.summary }));
    return;
  }
  if (frame.view) card.replaceWith(proposalCard(frame.view));
  else {
    card.dataset.status = frame.status;
    card.querySelector('.decision')?.remove();
    card.querySelector('.status').textContent = frame.status;
  }
}

// An edit makes a new proposal: the card now stands for it (new id and hash), showing the new text.
async function saveEdit(card, form) {
  const values = Object.fromEntries(new FormData(form).entries());
  const status = card.querySelector('.status');
  form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    const revised = await api('POST', `/api/proposals/${encodeURIComponent(card.dataset.proposal)}/revise`, { arguments: values });
    card.dataset.proposal = revised.id;
    card.dataset.hash = revised.argumentsHash;
    const heading = card.querySelector('h3');
    heading.lastChild.textContent = revised.summary;
    card.querySelectorAll('.preview-row[data-name]').forEach((row) => {
      if (row.dataset.name in values) row.querySelector('dd').textContent = values[row.dataset.name].trim();
    });
    form.hidden = true;
    card.querySelector('.decision').hidden = false;
    status.textContent = 'Edited: waiting for your decision';
  } catch (e) {
    status.textContent = e.message;
  } finally {
    form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
  }
}

function table(view) {
  const head = el('tr', {}, ...view.columns.map((column) => el('th', { scope: 'col', text: column })));
  const body = el('tbody', {}, ...view.rows.map((row, i) => el('tr', {}, ...row.map((cell, c) => el('td', {},
    c === 0 && view.links[i] ? el('a', { href: view.links[i], text: cell }) : cell)))));
  const caption = el('figcaption', {}, el('strong', { text: view.title }));
  if (view.totalRows > view.rows.length) caption.append(el('span', { class: 'small muted', text: ` · ${view.rows.length} of ${view.totalRows}` }));
  const figure = el('figure', { class: 'card chat-table' }, caption);
  if (view.chartSvg) {
    // The chart is SVG the server drew from numbers and escaped labels (SvgCharts), never model HTML.
    const holder = el('div');
    holder.innerHTML = view.chartSvg;
    const svg = holder.querySelector('svg');
    if (svg) figure.append(svg);
  }
  figure.append(el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': view.title },
    el('table', {}, el('thead', {}, head), body)));
  return figure;
}

messages.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.classList.contains('hint')) {
    input.value = button.dataset.text;
    input.focus();
    return;
  }
  const card = button.closest('[data-proposal]');
  if (!card) return;
  const form = card.querySelector('.proposal-edit');
  if (button.classList.contains('edit') && form) {
    form.hidden = false;
    card.querySelector('.decision').hidden = true;
    form.querySelector('input, textarea')?.focus();
    return;
  }
  if (button.classList.contains('cancel-edit') && form) {
    form.hidden = true;
    card.querySelector('.decision').hidden = false;
    card.querySelector('.edit')?.focus();
    return;
  }
  if (!button.closest('.decision') || !socket || socket.readyState !== WebSocket.OPEN) return;
  const approve = button.classList.contains('approve');
  card.querySelectorAll('.decision button').forEach((b) => { b.disabled = true; });
  card.querySelector('.status').textContent = approve ? 'Running…' : 'Rejecting…';
  socket.send(JSON.stringify(approve
    ? { type: 'approve', proposalId: card.dataset.proposal, argumentsHash: card.dataset.hash }
    : { type: 'reject', proposalId: card.dataset.proposal }));
});

messages.addEventListener('submit', (event) => {
  const form = event.target.closest('.proposal-edit');
  if (!form) return;
  event.preventDefault();
  saveEdit(form.closest('[data-proposal]'), form);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submit();
  }
});
form.addEventListener('submit', (event) => { event.preventDefault(); submit(); });

connect();
scroll();
