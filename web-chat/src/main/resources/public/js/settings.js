// The company, its first-run checklist, users with their invitations and API keys, for admins.
import { api, el, table } from './api.js';
import { day } from './format.js';

const status = document.getElementById('settings-status');

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

async function loadUsers() {
  const [users, pending] = await Promise.all([api('GET', '/api/users'), api('GET', '/api/invitations')]);
  const invited = new Map(pending.map((invitation) => [invitation.userId, invitation]));
  document.getElementById('users').replaceChildren(table(['Name', 'Email', 'Role', 'State', ''], users.map((user) => {
    const invitation = invited.get(user.id);
    const state = invitation ? `invited, until ${new Date(invitation.expiresAt).toLocaleDateString()}` : user.active ? 'active' : 'inactive';
    const actions = invitation ? [
      el('button', { type: 'button', 'data-resend': user.id, 'aria-label': `Resend the invitation to ${user.email}`, text: 'Resend' }),
      el('button', { type: 'button', class: 'danger', 'data-withdraw': user.id, 'aria-label': `Withdraw the invitation to ${user.email}`, text: 'Withdraw' })] : [];
    return el('tr', {}, el('td', { text: user.fullName ?? '' }), el('td', { text: user.email }), el('td', { text: user.role }),
      el('td', { text: state }), el('td', {}, ...actions));
  })));
}

function showLink(invitation) {
  const link = document.getElementById('invite-link');
  link.hidden = false;
  link.textContent = invitation.mailed
    ? `Invitation mailed to ${invitation.user.email}. The link, should it not arrive: ${invitation.link}`
    : `No mail server is set up: send this link to ${invitation.user.email} yourself: ${invitation.link}`;
}

async function loadCompany() {
  const company = await api('GET', '/api/tenant');
  const form = document.getElementById('company-form');
  form.elements.name.value = company.name;
  form.elements.timezone.value = company.settings.timezone;
  form.elements.currency.value = company.settings.currency;
  form.elements.locale.value = company.settings.locale;
  document.getElementById('company-days').replaceChildren(el('legend', { text: 'Working days' }), ...DAYS.map((day) =>
    el('label', {}, el('input', { type: 'checkbox', name: 'workingDays', value: day, ...(company.settings.workingDays.includes(day) ? { checked: '' } : {}) }),
      document.createTextNode(` ${day}`))));
}

document.getElementById('company-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const body = Object.fromEntries(['name', 'timezone', 'currency', 'locale'].map((field) => [field, form.elements[field].value]));
  body.workingDays = [...form.querySelectorAll('input[name=workingDays]:checked')].map((box) => box.value);
  try { await api('PATCH', '/api/tenant', body); status.textContent = 'Company settings saved.'; }
  catch (error) { status.textContent = `Not saved: ${error.message}`; }
});

document.getElementById('users').addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  try {
    if (button.dataset.resend) showLink(await api('POST', `/api/users/${button.dataset.resend}/invitation`));
    if (button.dataset.withdraw) { await api('DELETE', `/api/users/${button.dataset.withdraw}/invitation`); status.textContent = 'Invitation withdrawn.'; }
    loadUsers();
  } catch (error) { status.textContent = error.message; }
});

// The first-run checklist ticks itself from what the tenant already has; it goes away once all is done.
async function loadChecklist() {
  const optional = (promise) => promise.catch(() => null);
  const [contacts, users, mail, slack, documents] = await Promise.all([api('GET', '/api/contacts?limit=1'),
    api('GET', '/api/users'), optional(api('GET', '/api/outreach/settings')), optional(api('GET', '/api/slack')),
    optional(api('GET', '/api/knowledge'))]);
  const items = [
    ['Import your contacts', '/import', contacts.items.length > 0],
    ['Invite your team', '#invite-form', users.length > 1],
    ['Connect your mail server', '/mail', Boolean(mail?.smtpHost)],
    ['Connect Slack', '/slack', Boolean(slack?.connected)],
    ['Upload documents the assistant should know', '/knowledge', (documents?.items?.length ?? 0) > 0]];
  document.getElementById('first-run-items').replaceChildren(...items.map(([text, href, done]) =>
    el('li', { class: done ? 'done' : '' }, document.createTextNode(done ? '✓ ' : '○ '), el('a', { href, text }),
      document.createTextNode(done ? ' (done)' : ''))));
  document.getElementById('first-run').hidden = items.every(([, , done]) => done);
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
    showLink(await api('POST', '/api/users', Object.fromEntries(new FormData(form))));
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

Promise.all([loadUsers(), loadKeys(), loadCompany(), loadChecklist()]).catch((error) => { status.textContent = error.message; });
