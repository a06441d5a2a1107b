// Workflows through /api/workflows: list with trigger and last run, create from a template or from
// JSON (the API validates it and answers per field), activate / pause / resume / run / delete, and a
// workflow's runs step by step with cancel for a run under way.
import { api, el, table } from './api.js';
import { minute } from './format.js';

const status = document.getElementById('workflow-status');
const list = document.getElementById('workflows');
const form = document.getElementById('workflow-form');
const detail = document.getElementById('workflow-detail');
const runBox = document.getElementById('run');
const formErrors = document.getElementById('workflow-errors');
const definitionErrors = document.getElementById('wf-definition-errors');
const DAYS = { MON: 'Mondays', TUE: 'Tuesdays', WED: 'Wednesdays', THU: 'Thursdays', FRI: 'Fridays', SAT: 'Saturdays', SUN: 'Sundays' };
const NAMES = { weekly: 'Monday summary of quiet deals', score: 'Intro for hot leads', idle: 'Nudge on quiet deals' };
let owners = {};
let shown = null;
let shownRun = null;
let refresh = null;

// Polls once while a run is under way (steps take seconds; runs waiting for a time or a reply are not followed).
function follow(action) {
  clearTimeout(refresh);
  refresh = setTimeout(() => action().catch(() => {}), 1500);
}

const when = (iso) => minute(iso);

function trigger(definition) {
  const t = definition?.trigger ?? {};
  switch (t.type) {
    case 'cron': {
      const parts = String(t.cron ?? '').split(/\s+/);
      const weekly = parts.length >= 6 && parts[3] === '?' && DAYS[parts[5]];
      return weekly ? `${DAYS[parts[5]]} at ${parts[2].padStart(2, '0')}:${parts[1].padStart(2, '0')}` : `Schedule ${t.cron}`;
    }
    case 'event': return `When a ${t.entity} is ${String(t.action).replace('_', ' ')}${t.field ? ` (${t.field}${t.to !== undefined ? ` → ${t.to}` : ''})` : ''}`;
    case 'score_threshold': return `When a lead scores ${t.threshold} or more`;
    case 'deal_idle': return `When a deal is idle ${t.days} days`;
    case 'manual': return 'Run by hand';
    default: return t.type ?? '';
  }
}

function actions(workflow) {
  const button = (action, label, cls) => el('button', { type: 'button', class: cls, 'data-action': action, 'data-id': workflow.id,
    'aria-label': `${label} ${workflow.name}`, text: label });
  const buttons = [button('runs', 'Runs')];
  if (workflow.status === 'draft') buttons.push(button('activate', 'Activate', 'primary'));
  // Workflows about a record (a quiet deal, a lead's score, a change) run when that happens, not by hand.
  const byHand = ['cron', 'manual'].includes(workflow.definition?.trigger?.type);
  if (workflow.status === 'active') buttons.push(button('pause', 'Pause'), byHand ? button('run', 'Run now') : null);
  if (workflow.status === 'paused') buttons.push(button('resume', 'Resume'), byHand ? button('run', 'Run now') : null);
  buttons.push(button('delete', 'Delete', 'danger'));
  return el('div', { class: 'row actions' }, ...buttons);
}

async function load() {
  try {
    const workflows = await api('GET', '/api/workflows');
    if (workflows.length === 0) {
      list.replaceChildren(el('div', { class: 'empty' }, el('p', { text: 'No workflows yet.' }),
        el('p', { class: 'small', text: 'Start from a template on this page, or ask the chat: "every Friday at 4pm send me a summary of new leads".' })));
      return;
    }
    const lastRuns = await Promise.all(workflows.map((w) => api('GET', `/api/workflows/${w.id}/runs?limit=1`).catch(() => [])));
    const admin = Object.keys(owners).length > 0;
    list.replaceChildren(table(['Workflow', 'Trigger', 'Status', 'Last run'], workflows.map((w, i) => {
      const last = lastRuns[i][0];
      return el('tr', { 'data-workflow': w.id },
        el('td', {}, el('strong', { text: w.name }), admin && owners[w.ownerId] ? el('span', { class: 'small muted', text: ` · ${owners[w.ownerId]}` }) : null,
          actions(w)),
        el('td', {}, trigger(w.definition), w.nextRunAt
          ? el('div', { class: 'small muted', text: `Next: ${when(w.nextRunAt)} (${w.timezone})` }) : null),
        el('td', {}, el('span', { class: `badge status-${w.status}`, text: w.status })),
        el('td', { text: last ? `${last.status}, ${when(last.startedAt)}` : 'never' }));
    })));
  } catch (error) {
    list.replaceChildren(el('p', { class: 'alert error', text: `The workflows could not be loaded: ${error.message}` }));
  }
}

function definitionFromTemplate(data) {
  const number = (value) => Number.parseInt(value, 10);
  switch (data.template) {
    case 'weekly': {
      const [hour, minute] = String(data.time || '09:00').split(':').map((part) => number(part));
      return { schemaVersion: 1, trigger: { type: 'cron', cron: `0 ${minute} ${hour} ? * ${data.day}` },
        steps: [{ id: 'summary', type: 'report', report: data.report, days: number(data.days) },
          { id: 'mail', type: 'send_email', to: 'owner', subject: '{{steps.summary.title}}', body: '{{steps.summary.text}}' }] };
    }
    case 'score':
      return { schemaVersion: 1, trigger: { type: 'score_threshold', threshold: number(data.threshold) },
        steps: [{ id: 'intro', type: 'draft_email', subject: data.subject, body: data.body }] };
    case 'idle':
      return { schemaVersion: 1, trigger: { type: 'deal_idle', days: number(data.idleDays) },
        steps: [{ id: 'task', type: 'create_task', title: data.task, dueIn: `P${number(data.dueDays) || 0}D` }] };
    default:
      return JSON.parse(data.definition);
  }
}

function showTemplate() {
  const chosen = form.elements.template.value;
  form.querySelectorAll('fieldset.template').forEach((set) => { set.hidden = set.dataset.template !== chosen; });
  if (NAMES[chosen] && Object.values(NAMES).includes(form.elements.name.value)) form.elements.name.value = NAMES[chosen];
  if (chosen === 'custom' && !form.elements.definition.value.trim()) {
    form.elements.definition.value = JSON.stringify({ schemaVersion: 1, trigger: { type: 'manual' },
      steps: [{ id: 'note', type: 'notify', title: 'Hello from {{workflow.name}}', body: '' }] }, null, 2);
  }
}

// "definition.steps[0].days" reads "Step 1, days"; "definition.trigger.cron" reads "Trigger, cron".
const words = (name) => {
  const text = name.replace(/\[(\d+)\]/g, (m, n) => ` ${Number(n) + 1}`).replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};
function fieldName(path) {
  const step = /^definition\.steps\[(\d+)\]\.?(.*)$/.exec(path);
  if (step) return `Step ${Number(step[1]) + 1}${step[2] ? `, ${words(step[2]).toLowerCase()}` : ''}`;
  const trigger = /^definition\.trigger\.?(.*)$/.exec(path);
  if (trigger) return `Trigger${trigger[1] ? `, ${words(trigger[1]).toLowerCase()}` : ''}`;
  return words(path.replace(/^definition\./, '')) || 'Definition';
}

// One place for a refusal: the reason, or each field's problem in plain words, never both.
function showErrors(message, fields) {
  const entries = Object.entries(fields ?? {});
  const items = entries.map(([field, text]) => el('li', { text: `${fieldName(field)}: ${text}` }));
  // A JSON definition gets its problems under the editor; a template's go in the one alert.
  const underEditor = form.elements.template.value === 'custom' && entries.some(([f]) => f.startsWith('definition'));
  formErrors.hidden = false;
  formErrors.replaceChildren(el('p', { text: !entries.length ? message
    : underEditor ? 'Not created: see the problems listed under the definition.' : 'Not created. Please fix:' }));
  if (entries.length && !underEditor) formErrors.append(el('ul', {}, ...items));
  definitionErrors.replaceChildren(...(underEditor ? items : []));
  form.elements.definition.setAttribute('aria-invalid', entries.some(([f]) => f.startsWith('definition')) ? 'true' : 'false');
}

form.elements.template.addEventListener('change', showTemplate);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  formErrors.hidden = true;
  definitionErrors.replaceChildren();
  const data = Object.fromEntries(new FormData(form));
  let definition;
  try {
    definition = definitionFromTemplate(data);
  } catch (error) {
    showErrors('The definition is not valid JSON.', { definition: error.message });
    return;
  }
  try {
    const created = await api('POST', '/api/workflows', { name: data.name, definition, activate: data.activate === 'on' });
    status.textContent = `Created "${created.name}" (${created.status}).`;
    form.elements.activate.checked = false;
    await load();
  } catch (error) {
    showErrors(`Not created: ${error.message}`, error.fields);
  }
});

function stepRows(run) {
  return (run.steps ?? []).map((step) => {
    const took = step.startedAt && step.finishedAt ? `${Math.max(0, new Date(step.finishedAt) - new Date(step.startedAt))} ms` : '';
    const json = (value) => (value === undefined || value === null ? '' : JSON.stringify(value, null, 2));
    return el('li', { class: `step ${step.error ? 'failed' : ''}` },
      el('div', { class: 'row' }, el('strong', { text: step.id }), el('span', { class: 'badge', text: step.type }),
        el('span', { class: 'small muted', text: [when(step.startedAt), took, step.attempts > 1 ? `${step.attempts} attempts` : ''].filter(Boolean).join(' · ') })),
      step.error ? el('p', { class: 'alert error', text: step.error }) : null,
      el('details', {}, el('summary', { text: 'Input and output' }),
        el('h4', { text: 'Input' }), el('pre', { text: json(step.input) }), el('h4', { text: 'Output' }), el('pre', { text: json(step.output) })));
  });
}

async function showRun(id) {
  const run = await api('GET', `/api/workflow-runs/${id}`);
  shownRun = id;
  const running = run.status === 'running' || run.status === 'waiting';
  runBox.replaceChildren(...[el('h3', { text: `Run of ${when(run.startedAt)}: ${run.status}` }),
    run.error ? el('p', { class: 'alert error', text: run.error }) : null,
    ...(run.flags ?? []).map((flag) => el('p', { class: 'alert warning', text: flag })),
    running ? el('p', {}, el('button', { type: 'button', class: 'danger', 'data-cancel': run.id, text: 'Cancel this run' })) : null,
    run.waitUntil ? el('p', { class: 'small muted', text: `Waiting until ${when(run.waitUntil)}` }) : null,
    (run.steps ?? []).length === 0 ? el('p', { class: 'muted', text: 'No step has run yet.' }) : el('ol', { class: 'steps' }, ...stepRows(run))].filter(Boolean));
  return run;
}

async function showRuns(workflowId, focus = true) {
  if (shown !== workflowId) shownRun = null;
  shown = workflowId;
  const workflow = await api('GET', `/api/workflows/${workflowId}`);
  const runs = await api('GET', `/api/workflows/${workflowId}/runs?limit=20`);
  detail.hidden = false;
  document.getElementById('detail-title').textContent = `Runs of ${workflow.name}`;
  if (!shownRun) runBox.replaceChildren();
  document.getElementById('runs').replaceChildren(runs.length === 0
    ? el('p', { class: 'muted', text: workflow.status === 'draft' ? 'No runs: activate the workflow, then it runs on its trigger (or with "Run now").' : 'No runs yet. It runs on its trigger, or now with "Run now".' })
    : table(['Started', 'Status', 'Steps', 'Finished', ''], runs.map((run) => el('tr', {},
      el('td', { text: when(run.startedAt) }), el('td', {}, el('span', { class: `badge status-${run.status}`, text: run.status }),
        (run.flags ?? []).length ? el('span', { class: 'badge status-paused', title: run.flags.join('\n'), text: 'flagged' }) : null),
      el('td', { class: 'num', text: String((run.steps ?? []).length) }), el('td', { text: when(run.finishedAt) }),
      el('td', {}, el('button', { type: 'button', 'data-run': run.id, 'aria-label': `Show the run of ${when(run.startedAt)}`, text: 'Show' }))))));
  if (focus) document.getElementById('detail-title').focus();
  return runs;
}

// While a run of the shown workflow is under way, its table, the open run and finally the list follow it.
async function refreshDetail() {
  if (detail.hidden || !shown) return;
  const runs = await showRuns(shown, false);
  if (shownRun) await showRun(shownRun);
  if (runs.some((run) => run.status === 'running')) follow(refreshDetail);
  else {
    if (status.textContent.startsWith('Started a run')) status.textContent = `The run ${runs[0]?.status ?? 'finished'}.`;
    await load();
  }
}

list.addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const { action, id } = button.dataset;
  try {
    if (action === 'runs') {
      const runs = await showRuns(id);
      if (runs.some((run) => run.status === 'running')) follow(refreshDetail);
      return;
    }
    if (action === 'delete') {
      if (!confirm('Delete this workflow? Runs under way are cancelled.')) return;
      await api('DELETE', `/api/workflows/${id}`);
      status.textContent = 'Workflow deleted.';
      if (shown === id) detail.hidden = true;
    } else if (action === 'run') {
      await api('POST', `/api/workflows/${id}/run`);
      status.textContent = 'Started a run: its steps show below as they go.';
      await showRuns(id);
      follow(refreshDetail);
    } else {
      const updated = await api('POST', `/api/workflows/${id}/${action}`);
      status.textContent = `"${updated.name}" is ${updated.status} now.`;
    }
    await load();
  } catch (error) {
    status.textContent = error.message;
  }
});

detail.addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  try {
    if (button.dataset.run && (await showRun(button.dataset.run)).status === 'running') follow(refreshDetail);
    if (button.dataset.cancel) {
      await api('POST', `/api/workflow-runs/${button.dataset.cancel}/cancel`);
      status.textContent = 'Run cancelled.';
      await showRun(button.dataset.cancel);
      await load();
    }
  } catch (error) {
    status.textContent = error.message;
  }
});

async function start() {
  if (document.getElementById('workflows-title').textContent.startsWith('Everyone')) {
    try {
      const users = await api('GET', '/api/users');
      owners = Object.fromEntries(users.map((user) => [user.id, user.fullName || user.email]));
    } catch (error) { owners = {}; }
  }
  showTemplate();
  await load();
}

start();
