// The chat page: sends messages over /ws/chat (subprotocol crm.v1, the session cookie signs it in)
// and renders the turn's events as they arrive. Everything from the model or records goes in as
// text (textContent); the only HTML inserted is the final answer the server rendered and sanitized.
import { el, socketUrl } from './api.js';

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
    case 'tool_started': tools.set(frame.callId, toolLine(frame.summary, 'running')); break;
    case 'tool_finished': {
      const line = tools.get(frame.callId) ?? toolLine(frame.summary, 'running');
      line.querySelector('.state').textContent = frame.ok ? '✓' : '✗';
      line.querySelector('.state').className = `state ${frame.ok ? 'state-ok' : 'state-failed'}`;
      line.querySelector('.text').textContent = frame.summary;
      line.querySelector('pre').textContent = `${frame.tool} · ${frame.millis} ms`;
      break;
    }
    case 'proposal': messages.append(proposalCard(frame.proposal)); break;
    case 'proposal_decided': decided(frame.proposalId, frame.status, frame.summary); break;
    case 'table': messages.append(table(frame.table)); break;
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

function toolLine(summary, state) {
  const line = el('details', { class: 'tool' },
    el('summary', {}, el('span', { class: 'state', text: state === 'running' ? '…' : '' }), ' ', el('span', { class: 'text', text: summary })),
    el('pre', { text: '' }));
  messages.append(line);
  return line;
}

function proposalCard(proposal) {
  const list = el('dl');
  for (const [name, value] of Object.entries(proposal.arguments ?? {})) {
    list.append(el('dt', { text: name }), el('dd', { text: typeof value === 'string' ? value : JSON.stringify(value) }));
  }
  const card = el('article', { class: 'card proposal', 'data-proposal': proposal.proposalId, 'data-hash': proposal.argumentsHash,
    'data-status': 'pending', 'aria-label': 'Proposed action' },
    el('h3', { text: `Approval needed: ${proposal.summary}` }),
    el('p', { class: 'action', text: proposal.action }),
    list,
    el('div', { class: 'row decision' },
      el('button', { type: 'button', class: 'primary approve', text: 'Approve' }),
      el('button', { type: 'button', class: 'reject', text: 'Reject' })),
    el('p', { class: 'status small', role: 'status', text: 'Waiting for your decision' }));
  return card;
}

function decided(id, state, summary) {
  const card = messages.querySelector(`[data-proposal="${CSS.escape(id)}"]`);
  if (!card) {
    messages.append(el('p', { class: 'small muted', text: `${summary}: ${state}` }));
    return;
  }
  card.dataset.status = state;
  card.querySelector('.decision')?.remove();
  card.querySelector('.status').textContent = `Status: ${state}`;
}

function table(data) {
  const head = el('tr', {}, ...data.columns.map((column) => el('th', { scope: 'col', text: column })));
  const body = el('tbody', {}, ...data.rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', { text: cell === null ? '' : typeof cell === 'number' ? cell.toLocaleString('en-US') : String(cell) })))));
  const figure = el('figure', { class: 'card chat-table' }, el('figcaption', {}, el('strong', { text: data.title })));
  if (data.chartKind === 'bar' || data.chartKind === 'line') {
    const chart = bars(data);
    if (chart) figure.append(chart);
  }
  figure.append(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, head), body)));
  if (data.totalRows > data.rows.length) figure.append(el('p', { class: 'small muted', text: `Showing ${data.rows.length} of ${data.totalRows}.` }));
  return figure;
}

// The same horizontal bars the server draws for history (SvgCharts), built with DOM calls.
function bars(data) {
  if (!data.rows.length) return null;
  const first = data.rows[0];
  let column = -1;
  for (let i = first.length - 1; i > 0; i--) if (typeof first[i] === 'number' || (first[i] !== null && first[i] !== '' && !isNaN(Number(first[i])))) { column = i; break; }
  if (column < 0) return null;
  const rows = data.rows.slice(0, 30);
  const values = rows.map((row) => Number(row[column]) || 0);
  const max = Math.max(...values);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('viewBox', `0 0 480 ${rows.length * 28 + 8}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', data.title);
  rows.forEach((row, i) => {
    const y = 4 + i * 28;
    const width = max > 0 ? Math.max(values[i] > 0 ? 2 : 0, (values[i] / max) * 220) : 0;
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('class', 'chart-label'); label.setAttribute('x', '142'); label.setAttribute('y', String(y + 17));
    label.setAttribute('text-anchor', 'end');
    // Amounts per currency come as one row per stage and currency: say which currency each bar is.
    const currency = column > 1 && typeof row[1] === 'string' && /^[A-Z]{3}$/.test(row[1]) ? ` (${row[1]})` : '';
    const text = String(row[0]) + currency;
    label.textContent = text.length <= 22 ? text : `${text.slice(0, 21)}…`;
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('class', 'chart-bar'); rect.setAttribute('x', '150'); rect.setAttribute('y', String(y + 4));
    rect.setAttribute('width', width.toFixed(1)); rect.setAttribute('height', '18'); rect.setAttribute('rx', '3');
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('class', 'chart-value'); value.setAttribute('x', (156 + width).toFixed(1)); value.setAttribute('y', String(y + 17));
    value.textContent = values[i].toLocaleString('en-US');
    svg.append(label, rect, value);
  });
  return svg;
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
  if (!card || !socket || socket.readyState !== WebSocket.OPEN) return;
  const approve = button.classList.contains('approve');
  card.querySelectorAll('.decision button').forEach((b) => { b.disabled = true; });
  socket.send(JSON.stringify(approve
    ? { type: 'approve', proposalId: card.dataset.proposal, argumentsHash: card.dataset.hash }
    : { type: 'reject', proposalId: card.dataset.proposal }));
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
