// Webhook subscriptions and their delivery log, for admins, through /api/webhooks.
import { api, el, table } from './api.js';

const status = document.getElementById('webhooks-status');
let selected = null;

async function loadEvents() {
  const events = await api('GET', '/api/webhooks/events');
  const all = el('label', {}, el('input', { type: 'checkbox', name: 'events', value: '*' }), ' every event, including ones added later');
  document.getElementById('event-choices').replaceChildren(all, ...events.map((event) => el('label', { title: event.description },
    el('input', { type: 'checkbox', name: 'events', value: event.name }), ` ${event.name}`)));
}

async function loadSubscriptions() {
  const subscriptions = await api('GET', '/api/webhooks');
  document.getElementById('subscriptions').replaceChildren(subscriptions.length === 0
    ? el('p', { class: 'muted', text: 'No subscriptions yet.' })
    : table(['URL', 'Events', 'State', ''], subscriptions.map((subscription) => el('tr', {},
      el('td', { text: subscription.url }), el('td', { text: subscription.events.join(', ') }),
      el('td', { text: subscription.active ? 'active' : (subscription.failingSince ? 'disabled: kept failing' : 'disabled') }),
      el('td', {},
        el('button', { type: 'button', 'data-log': subscription.id, 'aria-label': `Deliveries to ${subscription.url}`, text: 'Deliveries' }),
        el('button', { type: 'button', 'data-toggle': subscription.id, 'data-active': String(subscription.active), text: subscription.active ? 'Disable' : 'Enable' }),
        el('button', { type: 'button', 'data-rotate': subscription.id, text: 'New secret' }),
        el('button', { type: 'button', class: 'danger', 'data-delete': subscription.id, 'aria-label': `Delete ${subscription.url}`, text: 'Delete' }))))));
}

async function loadDeliveries() {
  if (!selected) return;
  const deliveries = await api('GET', `/api/webhooks/${selected}/deliveries?limit=50`);
  document.getElementById('deliveries-for').textContent = deliveries.length === 0 ? 'Nothing was sent yet.' : 'Newest first.';
  document.getElementById('deliveries').replaceChildren(table(['Event', 'Status', 'Response', 'Time', 'Attempts', ''],
    deliveries.map((delivery) => el('tr', {}, el('td', { text: delivery.eventType }), el('td', { text: delivery.status }),
      el('td', { text: delivery.responseStatus ?? delivery.lastError ?? '' }),
      el('td', { text: delivery.responseMillis == null ? '' : `${delivery.responseMillis} ms` }),
      el('td', { text: String(delivery.attempts) }),
      el('td', {}, delivery.status === 'pending' ? null
        : el('button', { type: 'button', 'data-redeliver': delivery.id, text: 'Send again' }))))));
}

function showSecret(secret) {
  const box = document.getElementById('hook-secret');
  box.hidden = false;
  box.textContent = `Copy the signing secret now, it is shown only once: ${secret}`;
}

document.getElementById('subscription-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const data = new FormData(form);
  try {
    const created = await api('POST', '/api/webhooks', { url: data.get('url'), description: data.get('description'),
      events: data.getAll('events'), scoreThreshold: Number(data.get('scoreThreshold')) });
    showSecret(created.secret);
    form.reset();
    status.textContent = 'Subscribed.';
    await loadSubscriptions();
  } catch (error) { status.textContent = `Not subscribed: ${Object.values(error.fields).join(' ') || error.message}`; }
});

document.getElementById('subscriptions').addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  try {
    if (button.dataset.log) { selected = button.dataset.log; await loadDeliveries(); return; }
    if (button.dataset.toggle) {
      await api('PATCH', `/api/webhooks/${button.dataset.toggle}`, { active: button.dataset.active !== 'true' });
    } else if (button.dataset.rotate) {
      showSecret((await api('POST', `/api/webhooks/${button.dataset.rotate}/rotate-secret`)).secret);
    } else if (button.dataset.delete) {
      await api('DELETE', `/api/webhooks/${button.dataset.delete}`);
      if (selected === button.dataset.delete) { selected = null; document.getElementById('deliveries').replaceChildren(); }
    }
    await loadSubscriptions();
  } catch (error) { status.textContent = error.message; }
});

document.getElementById('deliveries').addEventListener('click', async (event) => {
  const id = event.target.closest('button')?.dataset.redeliver;
  if (!id) return;
  try { await api('POST', `/api/webhooks/${selected}/deliveries/${id}/redeliver`); status.textContent = 'Queued again.'; await loadDeliveries(); }
  catch (error) { status.textContent = error.message; }
});

Promise.all([loadEvents(), loadSubscriptions()]).catch((error) => { status.textContent = error.message; });
