// Wires the page: who is signed in, the two views (#executions, #gallery), polling, notices.
import { request } from './api.js';
import { ExecutionList, showSchedules, startForm } from './executions.js';
import { Gallery } from './gallery.js';

const POLL_MILLIS = 2000;
const SCHEDULES_EVERY = 5;

const $ = (id) => document.getElementById(id);
let noticeTimer;

function notify(message, kind = 'info') {
    const notice = $('notice');
    notice.textContent = message;
    notice.className = `notice ${kind}`;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { notice.hidden = true; }, 10000);
}

async function currentUser() {
    try {
        return await request('user');
    } catch (e) {
        notify(`Who is signed in cannot be read: ${e.message}`, 'error');
        return { name: '?', admin: false };
    }
}

async function main() {
    const user = await currentUser();
    $('user').textContent = `Signed in as ${user.name}, ${user.admin ? 'admin' : 'monitor (read only)'}`;
    $('start').hidden = !user.admin;
    $('read-only').hidden = user.admin;

    const executions = new ExecutionList($('executions'), $('executions-updated'), { admin: user.admin, notify });
    const gallery = new Gallery({
        list: $('properties'), filter: $('property-filter'), panel: $('property'), lightbox: $('lightbox'),
    });
    if (user.admin) {
        startForm($('start-form'), $('start-result'), { notify, started: () => executions.refresh() });
    }

    let polls = 0;
    let timer;
    let polling = false;
    // One loop at a time: a call while a refresh is under way leaves the next turn to that refresh.
    async function poll() {
        clearTimeout(timer);
        if (polling) {
            return;
        }
        polling = true;
        try {
            if (!document.hidden && location.hash !== '#gallery') {
                await executions.refresh();
                if (polls++ % SCHEDULES_EVERY === 0) {
                    await showSchedules($('schedules'));
                }
            }
        } catch (e) {
            notify(`Executions cannot be read: ${e.message}`, 'error');
        } finally {
            polling = false;
            timer = setTimeout(poll, POLL_MILLIS);
        }
    }

    function route() {
        const galleryShown = location.hash === '#gallery';
        $('executions-view').hidden = galleryShown;
        $('gallery-view').hidden = !galleryShown;
        if (galleryShown) {
            $('tab-executions').removeAttribute('aria-current');
            $('tab-gallery').setAttribute('aria-current', 'page');
            gallery.load();
        } else {
            $('tab-gallery').removeAttribute('aria-current');
            $('tab-executions').setAttribute('aria-current', 'page');
            polls = 0;
            poll();
        }
    }

    window.addEventListener('hashchange', route);
    document.addEventListener('visibilitychange', () => document.hidden || route());
    route();
}

main();
