// Live dashboard: /ws/live says when this workspace's records changed (from any user, on any app
// node); the page then fetches the server-rendered panels again, at most once a second. Choosing a
// period reloads the panels for it and keeps it in the address.
import { socketUrl } from './api.js';
import { time } from './format.js';

const panels = document.getElementById('panels');
const live = document.getElementById('live');
const range = document.getElementById('days');
let refreshing = false;
let again = false;

async function refresh() {
  if (refreshing) { again = true; return; }
  refreshing = true;
  try {
    const response = await fetch(`/dashboard/panels?days=${encodeURIComponent(panels.dataset.days)}`,
      { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (response.ok && !response.redirected) {
      const open = [...panels.querySelectorAll('details[open]')].map((d) => d.closest('section')?.id);
      panels.innerHTML = await response.text();
      open.forEach((id) => { if (id) document.getElementById(id)?.querySelector('details')?.setAttribute('open', ''); });
      live.textContent = `Live · updated ${time(new Date())}`;
    }
  } finally {
    setTimeout(() => { refreshing = false; if (again) { again = false; refresh(); } }, 1000);
  }
}

range.addEventListener('change', () => {
  panels.dataset.days = range.value;
  history.replaceState(null, '', `/dashboard?days=${encodeURIComponent(range.value)}`);
  refresh();
});

function connect() {
  const socket = new WebSocket(socketUrl('/ws/live'), ['crm.v1']);
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'ready') live.textContent = 'Live';
    if (frame.type === 'changed') refresh();
  });
  socket.addEventListener('close', () => { live.textContent = 'Reconnecting…'; setTimeout(connect, 2000); });
}
connect();
