// The scoring page's one action: retrain the model and rescore every open lead in the background,
// with its progress shown live (polling the job) and the page reloaded with the new model when done.
import { api } from './api.js';

const button = document.getElementById('rescore');
const status = document.getElementById('rescore-status');
const PHASES = { training: 'Training the model', scoring: 'Scoring open leads', finished: 'Finished' };

function show(job) {
  const phase = PHASES[job.phase] ?? 'Working';
  const step = job.step ? `: ${job.step}` : '';
  const done = job.total ? ` (${job.done ?? 0} of ${job.total})` : '';
  status.textContent = `${phase}${step}${done}`;
}

async function follow(id) {
  for (;;) {
    const job = await api('GET', `/api/scoring/jobs/${encodeURIComponent(id)}`);
    show(job);
    if (job.status === 'succeeded') {
      status.textContent = 'Done: every open lead has a fresh score. Reloading…';
      setTimeout(() => location.reload(), 800);
      return;
    }
    if (job.status === 'failed') throw new Error(job.error || 'The rescoring failed; nothing was lost. Try again.');
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
}

button?.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'Starting…';
  try {
    const job = await api('POST', '/api/scoring/rescore');
    await follow(job.id);
  } catch (e) {
    status.textContent = e.message;
    button.disabled = false;
  }
});
