// Slack through /api/slack: every user confirms the code the bot showed them; admins connect or
// disconnect the workspace and link or unlink Slack users.
import { api, el, table } from './api.js';
import { minute } from './format.js';

const status = document.getElementById('slack-status');
const admin = document.getElementById('connection') !== null;
let users = {};

document.getElementById('confirm-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('confirm-result');
  try {
    const link = await api('POST', '/api/slack/links/confirm', { code: form.elements.code.value.trim() });
    result.className = 'small alert ok';
    result.textContent = `Linked: Slack user ${link.slackUserId} now acts as you.`;
    form.reset();
    if (admin) loadLinks();
  } catch (error) {
    result.className = 'small alert error';
    result.textContent = error.fields?.code ? `Not linked: the code ${error.fields.code}` : `Not linked: ${error.message}`;
  }
});

async function loadConnection() {
  const connection = await api('GET', '/api/slack');
  const box = document.getElementById('connection');
  document.getElementById('connect-title').textContent = connection.connected ? 'Replace the connection' : 'Connect a Slack app';
  box.replaceChildren(connection.connected
    ? el('div', {}, el('p', {}, el('span', { class: 'badge ok', text: 'Connected' }), ' ',
      el('strong', { text: connection.teamName ?? connection.teamId }), el('span', { class: 'small muted', text: ` (${connection.teamId})` })),
      el('p', { class: 'small muted', text: `Bot user ${connection.botUserId ?? ''}, connected ${connection.connectedAt ? minute(connection.connectedAt) : ''}` }),
      el('button', { type: 'button', class: 'danger', id: 'disconnect', text: 'Disconnect' }))
    : el('p', {}, el('span', { class: 'badge', text: 'Not connected' }), ' No Slack workspace is connected yet.'));
}

async function loadUsers() {
  const list = await api('GET', '/api/users');
  users = Object.fromEntries(list.map((user) => [user.id, user.fullName ? `${user.fullName} (${user.email})` : user.email]));
  document.getElementById('crm-user').replaceChildren(...list.filter((user) => user.active)
    .map((user) => el('option', { value: user.id, text: users[user.id] })));
}

async function loadLinks() {
  const links = await api('GET', '/api/slack/links');
  const how = { email: 'matched by email', admin: 'linked by an admin', confirmed: 'confirmed with a code' };
  document.getElementById('links').replaceChildren(links.length === 0
    ? el('p', { class: 'muted', text: 'Nobody is linked yet. People whose Slack email matches their CRM email are linked the first time they talk to the bot; others get a code to enter on this page.' })
    : table(['Slack user', 'CRM user', 'How', ''], links.map((link) => el('tr', {}, el('td', { text: link.slackUserId }),
      el('td', { text: users[link.userId] ?? link.userId }), el('td', { text: how[link.method] ?? link.method }),
      el('td', {}, el('button', { type: 'button', class: 'danger', 'data-unlink': link.slackUserId, 'aria-label': `Unlink ${link.slackUserId}`, text: 'Unlink' }))))));
}

if (admin) {
  document.getElementById('connect-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    status.textContent = 'Checking the token with Slack…';
    try {
      const connection = await api('PUT', '/api/slack', Object.fromEntries(new FormData(form)));
      status.textContent = `Connected to ${connection.teamName ?? connection.teamId}.`;
      form.reset();
      await loadConnection();
    } catch (error) { status.textContent = `Not connected: ${error.message}`; }
  });

  document.getElementById('connection').addEventListener('click', async (event) => {
    if (event.target.id !== 'disconnect') return;
    if (!confirm('Disconnect Slack? The bot stops answering and every user link is forgotten.')) return;
    try {
      await api('DELETE', '/api/slack');
      status.textContent = 'Disconnected.';
      await Promise.all([loadConnection(), loadLinks()]);
    } catch (error) { status.textContent = error.message; }
  });

  document.getElementById('link-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const slackUserId = form.elements.slackUserId.value.trim();
    try {
      await api('PUT', `/api/slack/links/${encodeURIComponent(slackUserId)}`, { userId: form.elements.userId.value });
      status.textContent = `Linked ${slackUserId}.`;
      form.elements.slackUserId.value = '';
      await loadLinks();
    } catch (error) { status.textContent = `Not linked: ${error.message}`; }
  });

  document.getElementById('links').addEventListener('click', async (event) => {
    const id = event.target.closest('button')?.dataset.unlink;
    if (!id) return;
    try {
      await api('DELETE', `/api/slack/links/${encodeURIComponent(id)}`);
      status.textContent = `Unlinked ${id}.`;
      await loadLinks();
    } catch (error) { status.textContent = error.message; }
  });

  Promise.all([loadConnection(), loadUsers()]).then(loadLinks).catch((error) => { status.textContent = error.message; });
}
