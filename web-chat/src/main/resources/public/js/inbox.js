// Notifications and tasks through /api/notifications and /api/tasks: add a task, mark read, mark
// done, and keep the navigation's badge in step. Open tasks come overdue and soonest due first.
import { api, ApiError, el } from './api.js';
import { day, minute } from './format.js';

const status = document.getElementById('inbox-status');
const taskList = document.getElementById('tasks');
const noticeList = document.getElementById('notifications');
const readAll = document.getElementById('read-all');
const taskForm = document.getElementById('task-form');
let unread = [];
let openTasks = 0;

const when = (iso) => minute(iso);
const dayOf = (iso) => day(iso);

// An all-day task is due on its day and overdue only once that day is over.
function overdue(task) {
  if (!task.dueAt) return false;
  const due = new Date(task.dueAt);
  if (task.allDay) due.setDate(due.getDate() + 1);
  return due < new Date();
}

function dueLabel(task) {
  if (!task.dueAt) return null;
  const late = overdue(task);
  return el('span', { class: `small ${late ? 'overdue' : 'muted'}`,
    text: ` · ${late ? 'overdue, was due' : 'due'} ${task.allDay ? dayOf(task.dueAt) : when(task.dueAt)}` });
}

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
      el('p', { class: 'small', text: 'Add one above, ask the agent ("remind me to call Ben on Friday"), or let a workflow create follow-ups.' }))
    : el('ul', { class: 'inbox-list' }, ...tasks.map((task) => el('li', { 'data-task': task.id },
      el('div', {}, el('strong', { text: task.title }), dueLabel(task),
        task.notes ? el('p', { class: 'small note', text: task.notes }) : null,
        task.contactId ? el('a', { class: 'small', href: `/contacts/${task.contactId}`, text: task.contactName ? `Contact: ${task.contactName}` : 'Open the contact' }) : null,
        task.dealName ? el('span', { class: 'small muted', text: `${task.contactId ? ' · ' : ''}Deal: ${task.dealName}` }) : null),
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

function clearErrors() {
  taskForm.querySelectorAll('.field-error').forEach((span) => { span.textContent = ''; });
  taskForm.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

// A day alone is an all-day task; with a time it is due then, in the person's own time zone.
taskForm?.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const { title, day, time } = taskForm.elements;
  const body = { title: title.value.trim() };
  if (day.value) body.dueAt = time.value ? `${day.value}T${time.value}` : day.value;
  try {
    await api('POST', '/api/tasks', body);
    taskForm.reset();
    status.textContent = 'Task added.';
    await load();
  } catch (error) {
    status.textContent = error instanceof ApiError ? `Not added: ${error.message}` : 'Not added';
    for (const [field, message] of Object.entries(error.fields ?? {})) {
      const span = document.getElementById(`e-${field}`);
      if (span) span.textContent = message;
      (field === 'dueAt' ? day : taskForm.elements[field])?.setAttribute('aria-invalid', 'true');
    }
  }
});

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
