// The executions list (polled), its actions, the start form and the schedules.
import { request } from './api.js';
import { bytes, duration, el, timeElement } from './dom.js';

const RUNNING = new Set(['STARTING', 'STARTED', 'STOPPING']);
const RESTARTABLE = new Set(['STOPPED', 'FAILED']);
const STOPPABLE = new Set(['STARTING', 'STARTED']);
const SHOWN = 30;
const FAILURES_PAGE = 50;

/** The executions, newest first, as cards that are updated in place, so focus and open details survive a refresh. */
export class ExecutionList {
    constructor(list, updated, { admin, notify }) {
        this.list = list;
        this.updated = updated;
        this.admin = admin;
        this.notify = notify;
        this.cards = new Map();
        this.endedCounts = new Map();
    }

    async refresh() {
        const executions = await request(`jobexecutions?limit=${SHOWN}`);
        const counts = await Promise.all(executions.map((execution) => this.countsOf(execution)));
        executions.forEach((execution, index) => {
            let card = this.cards.get(execution.executionId);
            if (!card) {
                card = new ExecutionCard(execution.executionId, this);
                this.cards.set(execution.executionId, card);
            }
            card.update(execution, counts[index]);
            const current = this.list.children[index];
            if (current !== card.element) {
                this.list.insertBefore(card.element, current ?? null);
            }
        });
        const shown = new Set(executions.map((execution) => execution.executionId));
        for (const [id, card] of this.cards) {
            if (!shown.has(id)) {
                card.element.remove();
                this.cards.delete(id);
            }
        }
        if (executions.length === 0) {
            this.list.replaceChildren(el('li', { class: 'empty' }, 'No executions yet.'));
            this.cards.clear();
        } else {
            this.list.querySelector(':scope > .empty')?.remove();
        }
        this.updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    }

    /**
     * The counts of a download: its "progress" where the server reports one, else the step's metrics (the ones of an
     * ended execution do not change, so they are read once).
     */
    async countsOf(execution) {
        if (execution.progress) {
            return execution.progress;
        }
        if (execution.jobName !== 'download-images' || execution.batchStatus === 'STARTING') {
            return null;
        }
        const known = this.endedCounts.get(execution.executionId);
        if (known) {
            return known;
        }
        const steps = await request(`jobexecutions/${execution.executionId}/stepexecutions`);
        const counts = countsFromSteps(steps);
        if (!RUNNING.has(execution.batchStatus)) {
            this.endedCounts.set(execution.executionId, counts);
        }
        return counts;
    }

    async act(executionId, action) {
        try {
            const answer = await request(`jobexecutions/${executionId}/${action}`,
                { method: 'POST', json: action === 'restart' ? {} : undefined });
            this.notify(action === 'restart'
                ? `Execution #${executionId} restarted as #${answer.executionId}.`
                : `Execution #${executionId}: ${answer.batchStatus}.`, 'success');
        } catch (e) {
            this.notify(`${action} of #${executionId}: ${e.message}`, 'error');
        }
        await this.refresh();
    }
}

/** A long parameter (an absolute path) by its end, which is the part that tells executions apart. */
function shortened(value) {
    const text = String(value);
    return text.length > 48 ? `…${text.slice(-47)}` : text;
}

/** Download counts from the step metrics: WRITE_COUNT downloaded, FILTER_COUNT cached, PROCESS_SKIP_COUNT failed. */
function countsFromSteps(steps) {
    const metrics = steps[0]?.metrics;
    if (!metrics) {
        return null;
    }
    const downloaded = metrics.WRITE_COUNT ?? 0;
    const cached = metrics.FILTER_COUNT ?? 0;
    const failed = metrics.PROCESS_SKIP_COUNT ?? 0;
    const bytesMatch = /bytes=(\d+)/.exec(steps[0].exitStatus ?? '');
    return { downloaded, cached, failed, done: downloaded + cached + failed, bytes: bytesMatch ? Number(bytesMatch[1]) : null };
}

class ExecutionCard {
    constructor(executionId, owner) {
        this.executionId = executionId;
        this.owner = owner;
        this.heading = el('h3', {});
        this.badge = el('span', { class: 'badge' });
        this.when = el('p', { class: 'when' });
        this.parameters = el('p', { class: 'parameters' });
        this.progress = el('progress', { max: 1, 'aria-label': `Progress of execution ${executionId}` });
        this.progressText = el('span', { class: 'progress-text' });
        this.counts = el('dl', { class: 'counts' });
        this.stopButton = el('button', { type: 'button', onclick: () => owner.act(executionId, 'stop') }, 'Stop');
        this.restartButton = el('button', { type: 'button', onclick: () => owner.act(executionId, 'restart') }, 'Restart');
        this.failuresSummary = el('summary', {}, 'Failures');
        this.failuresBody = el('div', { class: 'failures-body' });
        this.failures = el('details', { class: 'failures', ontoggle: () => this.failures.open && this.loadFailures() },
            this.failuresSummary, this.failuresBody);
        this.element = el('li', { class: 'execution', 'data-execution-id': executionId },
            el('div', { class: 'execution-head' }, this.heading, this.badge),
            this.when, this.parameters,
            el('div', { class: 'progress-row' }, this.progress, this.progressText),
            this.counts,
            owner.admin ? el('div', { class: 'actions' }, this.stopButton, this.restartButton) : null,
            this.failures);
    }

    update(execution, counts) {
        const status = execution.batchStatus;
        this.element.className = `execution status-${status.toLowerCase()}`;
        this.heading.textContent = `#${execution.executionId} ${execution.jobName}`;
        this.badge.textContent = status;
        this.when.replaceChildren(
            'Started ', timeElement(execution.startTime ?? execution.createTime),
            RUNNING.has(status) ? ` · running for ${duration(execution.startTime)}` : ` · took ${duration(execution.startTime, execution.endTime)}`,
            execution.server ? ` · on ${execution.server}` : '',
            execution.exitStatus && execution.exitStatus !== status ? ` · ${execution.exitStatus}` : '');
        const parameters = Object.entries(execution.jobParameters ?? {});
        this.parameters.textContent = parameters.map(([name, value]) => `${name}: ${shortened(value)}`).join(' · ');
        this.parameters.title = parameters.map(([name, value]) => `${name}: ${value}`).join('\n');
        this.showProgress(status, counts);
        this.showCounts(counts);
        this.stopButton.hidden = !STOPPABLE.has(status);
        this.restartButton.hidden = !RESTARTABLE.has(status);
        this.failures.hidden = execution.jobName !== 'download-images' || counts?.failed === 0;
        this.failuresSummary.textContent = counts?.failed ? `Failures (${counts.failed})` : 'Failures';
        if (this.failures.open && status !== this.status) {
            this.loadFailures();
        }
        this.status = status;
    }

    /** A bar of done out of total when the total is known; full once completed; moving while it runs without one. */
    showProgress(status, counts) {
        const total = counts?.total;
        const done = counts?.done ?? 0;
        this.progress.hidden = false;
        if (total) {
            this.progress.max = total;
            this.progress.value = done;
            this.progressText.textContent = `${done} / ${total}`;
        } else if (status === 'COMPLETED') {
            this.progress.max = 1;
            this.progress.value = 1;
            this.progressText.textContent = counts ? `${done} done` : 'done';
        } else if (RUNNING.has(status)) {
            this.progress.removeAttribute('value');
            this.progressText.textContent = counts ? `${done} done` : 'starting';
        } else {
            this.progress.hidden = true;
            this.progressText.textContent = counts ? `${done} done` : '';
        }
    }

    showCounts(counts) {
        if (!counts) {
            this.counts.replaceChildren();
            return;
        }
        const items = [['downloaded', counts.downloaded], ['cached', counts.cached], ['failed', counts.failed],
            ['bytes', bytes(counts.bytes)]];
        if (counts.imagesPerSecond !== undefined && counts.imagesPerSecond !== null) {
            items.push(['images/s', Number(counts.imagesPerSecond).toFixed(1)]);
        }
        this.counts.replaceChildren(...items.map(([name, value]) =>
            el('div', { class: name === 'failed' && value > 0 ? 'count failed' : 'count' }, el('dt', {}, name), el('dd', {}, String(value ?? '–')))));
    }

    async loadFailures() {
        this.failuresBody.replaceChildren(el('p', {}, 'Loading…'));
        try {
            const page = await request(`jobexecutions/${this.executionId}/failures?start=0&count=${FAILURES_PAGE}`);
            this.failuresBody.replaceChildren(failureList(page));
        } catch (e) {
            this.failuresBody.replaceChildren(el('p', { class: 'unavailable' }, e.unavailable
                ? 'This server does not list an execution\'s failures; the gallery shows each property\'s failed URLs.'
                : e.message));
        }
    }
}

/** The failed URLs as a list, which reads better than a table in a narrow card. */
function failureList(page) {
    if (!page.failures?.length) {
        return el('p', {}, 'No URL failed.');
    }
    return el('div', {},
        el('p', { class: 'hint' }, page.total > page.failures.length
            ? `The first ${page.failures.length} of ${page.total} failed URLs`
            : `${page.total} failed URL${page.total === 1 ? '' : 's'}`),
        el('ul', { class: 'failure-list' }, ...page.failures.map((f) => el('li', {},
            el('span', { class: 'url' }, f.url),
            el('span', { class: 'reason' }, `${f.reason} · ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}`
                + (f.address ? ` · ${f.address}` : ''))))));
}

/** The start form: uploads the chosen file (POST /api/inputs) or takes a path on the server, then starts download-images. */
export function startForm(form, result, { notify, started }) {
    const file = form.querySelector('#input-file');
    const path = form.querySelector('#input-path');
    const outputDir = form.querySelector('#output-dir');
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const chosen = file.files[0];
        const serverPath = path.value.trim();
        if (!chosen === !serverPath) {
            result.textContent = chosen
                ? 'Give either a file to upload or a path on the server, not both.'
                : 'Choose a file to upload, or give the path of an input file on the server.';
            (chosen ? path : file).focus();
            return;
        }
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            const input = chosen ? await upload(chosen) : serverPath;
            const parameters = { input };
            if (outputDir.value.trim()) {
                parameters.outputDir = outputDir.value.trim();
            }
            const execution = await request('jobs/download-images/start', { method: 'POST', json: parameters });
            result.textContent = `Started execution #${execution.executionId}.`;
            form.reset();
            await started();
        } catch (e) {
            result.textContent = e.message;
            notify(`Start: ${e.message}`, 'error');
        } finally {
            button.disabled = false;
        }
    });
}

async function upload(file) {
    const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/json';
    try {
        const stored = await request(`inputs?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, type });
        return stored.input;
    } catch (e) {
        if (e.unavailable) {
            throw new Error('This server does not take uploads; give the path of the input file on the server instead.');
        }
        throw e;
    }
}

/** The schedules with their next run, or why there are none to show. */
export async function showSchedules(container) {
    let schedules;
    try {
        schedules = await request('schedules');
    } catch (e) {
        container.replaceChildren(el('p', { class: 'unavailable' },
            e.unavailable ? 'This server has no schedules.' : `Schedules cannot be read: ${e.message}`));
        return;
    }
    if (!schedules?.length) {
        container.replaceChildren(el('p', { class: 'empty' }, 'No schedules.'));
        return;
    }
    const rows = schedules.map((s) => el('tr', {},
        el('td', {}, s.jobName),
        el('td', {}, s.cron ? `cron ${s.cron}${s.zone ? ` (${s.zone})` : ''}` : `every ${s.intervalSeconds} s`),
        el('td', {}, Object.entries(s.jobParameters ?? {}).map(([k, v]) => `${k}: ${v}`).join(' · ')),
        el('td', {}, timeElement(s.nextRun)),
        el('td', {}, s.lastExecutionId ? `#${s.lastExecutionId} ${s.lastExecutionStatus ?? ''}` : s.lastError ?? '–')));
    container.replaceChildren(el('div', { class: 'table-scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, ...['Job', 'When', 'Parameters', 'Next run', 'Last execution']
            .map((name) => el('th', { scope: 'col' }, name)))),
        el('tbody', {}, ...rows))));
}
