// Notifications and tasks through /api/notifications and /api/tasks: mark read, mark done, and keep
// the navigation's badge in step.
import { api, el } from './api.js';

const status = document.getElementById('inbox-status');
const taskList = document.getElementById('tasks');
const noticeList = document.getElementById('notifications');
const readAll = document.getElementById('read-all');
let unread = [];
let openTasks = 0;

const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

function updateBadge() {
  const waiting = unread.length + openTasks;
  document.getElementById('inbox-count').textContent = String(waiting);
  document.getElementById('inbox-badge').hidden = waiting === 0;
}

// Workflow links point into this app; anything else is shown as text, never followed.
const safeLink = (link) => (typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null);

async function loadTasks() {
  const tasks = await api('GET', '/api/tasks');
  openTasks = tasks.length;
  taskList.replaceChildren(tasks.length === 0
    ? el('div', { class: 'empty' }, el('p', { text: 'Nothing to do.' }),
      el('p', { class: 'small', text: 'Workflows put follow-ups here, e.g. "Deal idle for some days: create a task" on the Workflows page.' }))
    : el('ul', { class: 'inbox-list' }, ...tasks.map((task) => el('li', { 'data-task': task.id },
      el('div', {}, el('strong', { text: task.title }),
        task.dueAt ? el('span', { class: `small ${new Date(task.dueAt) < new Date() ? 'overdue' : 'muted'}`, text: ` · due ${when(task.dueAt)}` }) : null,
        task.notes ? el('p', { class: 'small note', text: task.notes }) : null,
        task.contactId ? el('a', { class: 'small', href: `/contacts/${task.contactId}`, text: 'Open the contact' }) : null),
      el('button', { type: 'button', 'data-done': task.id, 'aria-label': `Mark "${task.title}" done`, text: 'Done' })))));
}

async function loadNotifications() {
  const notices = await api('GET', '/api/notifications');
  unread = notices.filter((notice) => !notice.readAt).map((notice) => notice.id);
  readAll.hidden = unread.length === 0;
  noticeList.replaceChildren(notices.length === 0
    ? el('div', { class: 'empty' }, el('p', { text: 'No notifications.' }),
      el('p', { class: 'small', text: 'Workflows with a "notify" step tell you here what they did.' }))
    : el('ul', { class: 'inbox-list' }, ...notices.map((notice) => {
      const link = safeLink(notice.link);
      return el('li', { class: notice.readAt ? 'read' : 'unread', 'data-notification': notice.id },
        el('div', {}, notice.readAt ? null : el('span', { class: 'visually-hidden', text: 'Unread: ' }),
          link ? el('a', { href: link, text: notice.title }) : el('strong', { text: notice.title }),
          el('span', { class: 'small muted', text: ` · ${when(notice.createdAt)}` }),
          notice.body ? el('p', { class: 'small note', text: notice.body }) : null),
        notice.readAt ? null : el('button', { type: 'button', 'data-read': notice.id, 'aria-label': `Mark "${notice.title}" read`, text: 'Mark read' }));
    })));
}

async function load() {
  try {
    await Promise.all([loadTasks(), loadNotifications()]);
    updateBadge();
  } catch (error) {
    status.textContent = `The inbox could not be loaded: ${error.message}`;
  }
}

async function markRead(ids) {
  const answer = await api('POST', '/api/notifications/read', { ids });
  status.textContent = answer.count === 1 ? 'Marked read.' : `${answer.count} marked read.`;
}

document.querySelector('main').addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  try {
    if (button.dataset.done) {
      await api('POST', `/api/tasks/${button.dataset.done}/done`);
      status.textContent = 'Task done.';
    } else if (button.dataset.read) {
      await markRead([button.dataset.read]);
    } else if (button === readAll) {
      await markRead(unread);
    } else return;
    await load();
  } catch (error) {
    status.textContent = error.message;
  }
});

load();
