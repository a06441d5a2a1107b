// Users and API keys for admins, through /api/users and /api/api-keys.
import { api, el, table } from './api.js';
import { day } from './format.js';

const status = document.getElementById('settings-status');

async function loadUsers() {
  const users = await api('GET', '/api/users');
  document.getElementById('users').replaceChildren(table(['Name', 'Email', 'Role', 'Active'], users.map((user) =>
    el('tr', {}, el('td', { text: user.fullName ?? '' }), el('td', { text: user.email }), el('td', { text: user.role }),
      el('td', { text: user.active ? 'yes' : 'no' })))));
}

async function loadKeys() {
  const keys = await api('GET', '/api/api-keys');
  const live = keys.filter((key) => !key.revokedAt);
  document.getElementById('keys').replaceChildren(live.length === 0
    ? el('p', { class: 'muted', text: 'No API keys. Create one for a script or an integration; it acts with the role you choose.' })
    : table(['Name', 'Role', 'Last used', ''], live.map((key) => el('tr', {}, el('td', { text: key.name }), el('td', { text: key.role }),
      el('td', { text: key.lastUsedAt ? day(key.lastUsedAt) : 'never' }),
      el('td', {}, el('button', { type: 'button', class: 'danger', 'data-revoke': key.id, 'aria-label': `Revoke ${key.name}`, text: 'Revoke' }))))));
}

document.getElementById('invite-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    const invitation = await api('POST', '/api/users', Object.fromEntries(new FormData(form)));
    const link = document.getElementById('invite-link');
    link.hidden = false;
    link.textContent = `Invitation created. Send this link to ${invitation.user.email}: ${invitation.link}`;
    form.reset();
    loadUsers();
  } catch (error) { status.textContent = `Not invited: ${error.message}`; }
});

document.getElementById('key-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  try {
    const created = await api('POST', '/api/api-keys', Object.fromEntries(new FormData(form)));
    const secret = document.getElementById('key-secret');
    secret.hidden = false;
    secret.textContent = `Copy this key now, it is shown only once: ${created.secret}`;
    form.reset();
    loadKeys();
  } catch (error) { status.textContent = `Not created: ${error.message}`; }
});

document.getElementById('keys').addEventListener('click', async (event) => {
  const id = event.target.closest('button')?.dataset.revoke;
  if (!id) return;
  try { await api('DELETE', `/api/api-keys/${id}`); status.textContent = 'Key revoked.'; loadKeys(); }
  catch (error) { status.textContent = error.message; }
});

Promise.all([loadUsers(), loadKeys()]).catch((error) => { status.textContent = error.message; });
