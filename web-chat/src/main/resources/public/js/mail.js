// The suppression list (/api/outreach/suppressions: managers add, admins remove) and, for admins, the
// tenant's mail server settings (/api/outreach/settings; passwords are write-only).
import { api, el, table } from './api.js';
import { day } from './format.js';

const status = document.getElementById('mail-status');
const list = document.getElementById('suppressions');
const canRemove = list.dataset.remove === 'true';
const REASONS = { unsubscribed: 'Unsubscribed', hard_bounce: 'Hard bounce', complaint: 'Complaint', manual: 'Blocked by hand' };

async function loadSuppressions() {
  try {
    const rows = await api('GET', '/api/outreach/suppressions');
    list.replaceChildren(rows.length === 0
      ? el('p', { class: 'muted', text: 'No suppressed addresses. Unsubscribes, hard bounces and complaints are added automatically.' })
      : table(canRemove ? ['Address', 'Reason', 'Since', ''] : ['Address', 'Reason', 'Since'], rows.map((row) => el('tr', {},
        el('td', {}, row.address, row.detail ? el('span', { class: 'small muted', text: ` · ${row.detail}` }) : null),
        el('td', { text: REASONS[row.reason] ?? row.reason }), el('td', { text: day(row.createdAt) }),
        canRemove ? el('td', {}, el('button', { type: 'button', class: 'danger', 'data-address': row.address, 'aria-label': `Allow ${row.address} again`, text: 'Allow again' })) : null))));
  } catch (error) {
    list.replaceChildren(el('p', { class: 'alert error', text: `The suppression list could not be loaded: ${error.message}` }));
  }
}

document.getElementById('suppress-form')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const body = { address: form.elements.address.value.trim(), reason: 'manual' };
  if (form.elements.detail.value.trim()) body.detail = form.elements.detail.value.trim();
  try {
    await api('POST', '/api/outreach/suppressions', body);
    status.textContent = `Blocked ${body.address}: nothing will be sent to it.`;
    form.reset();
    await loadSuppressions();
  } catch (error) {
    status.textContent = `Not blocked: ${error.fields?.address ? `the address ${error.fields.address}` : error.message}`;
  }
});

list.addEventListener('click', async (event) => {
  const address = event.target.closest('button')?.dataset.address;
  if (!address) return;
  try {
    await api('DELETE', `/api/outreach/suppressions/${encodeURIComponent(address)}`);
    status.textContent = `${address} may receive mail again.`;
    await loadSuppressions();
  } catch (error) { status.textContent = error.message; }
});

const settings = document.getElementById('mail-settings');
const NUMBERS = ['smtpPort', 'imapPort', 'dailyCap'];
const PASSWORDS = ['smtpPassword', 'imapPassword'];

function passwordState(prefix, isSet) {
  document.getElementById(`${prefix}-password-state`).textContent = isSet ? 'A password is stored.' : 'No password stored.';
}

async function loadSettings() {
  const current = await api('GET', '/api/outreach/settings');
  for (const element of settings.elements) {
    if (!element.name || PASSWORDS.includes(element.name)) continue;
    const value = current[element.name];
    if (value !== null && value !== undefined) element.value = String(value);
  }
  passwordState('smtp', current.smtpPasswordSet);
  passwordState('imap', current.imapPasswordSet);
}

settings?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const errors = document.getElementById('mail-settings-errors');
  errors.replaceChildren();
  settings.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  const body = {};
  for (const [name, raw] of new FormData(settings)) {
    const value = String(raw).trim();
    if (PASSWORDS.includes(name)) { if (value) body[name] = value; continue; }
    body[name] = value === '' ? null : NUMBERS.includes(name) ? Number(value) : value;
  }
  try {
    await api('PUT', '/api/outreach/settings', body);
    status.textContent = 'Mail settings saved.';
    PASSWORDS.forEach((name) => { settings.elements[name].value = ''; });
    await loadSettings();
  } catch (error) {
    status.textContent = `Not saved: ${error.message}`;
    for (const [field, text] of Object.entries(error.fields)) {
      errors.append(el('li', { text: `${settings.elements[field]?.labels?.[0]?.textContent ?? field}: ${text}` }));
      settings.elements[field]?.setAttribute('aria-invalid', 'true');
    }
  }
});

loadSuppressions();
if (settings) loadSettings().catch((error) => { status.textContent = `The mail settings could not be loaded: ${error.message}`; });
