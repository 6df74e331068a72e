// Small helpers to build elements and format values.

/**
 * Creates an element: el('button', {class: 'x', onclick: f}, 'text', child...). Attributes whose value is null,
 * undefined or false are left out; "on…" keys become event listeners.
 */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
}

export function bytes(count) {
    if (count === null || count === undefined) {
        return '–';
    }
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = count;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function time(iso) {
    return iso ? dateTime.format(new Date(iso)) : '–';
}

/** A <time> element showing an instant in the reader's time zone. */
export function timeElement(iso) {
    return iso ? el('time', { datetime: iso }, time(iso)) : document.createTextNode('–');
}

export function duration(fromIso, toIso) {
    if (!fromIso) {
        return '';
    }
    const seconds = Math.max(0, Math.round(((toIso ? new Date(toIso) : new Date()) - new Date(fromIso)) / 1000));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}
