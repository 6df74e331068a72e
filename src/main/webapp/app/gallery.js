// The gallery: the property folders, a property's photos as thumbnails with their manifest data, and a full-size view.
import { folderPath, imageUrl, request, thumbnailUrl } from './api.js';
import { bytes, el, time, timeElement } from './dom.js';

const THUMBNAIL_EDGE = 320;
/** Properties asked for at a time; the server filters and pages them (GET /api/properties). */
const PAGE = 50;
const FILTER_WAIT_MILLIS = 250;

export class Gallery {
    constructor({ list, filter, panel, lightbox }) {
        this.list = list;
        this.filter = filter;
        this.panel = panel;
        this.lightbox = new Lightbox(lightbox);
        this.properties = [];
        this.total = 0;
        this.selected = null;
        this.shown = null;
        this.loads = 0;
        this.lists = 0;
        let wait;
        filter.addEventListener('input', () => {
            clearTimeout(wait);
            wait = setTimeout(() => this.loadList(), FILTER_WAIT_MILLIS);
        });
    }

    /** Reads the first page of properties again, and the chosen one's photos (the first property's when none was chosen). */
    async load() {
        if (!await this.loadList()) {
            return;
        }
        this.shown = null;
        const chosen = this.selected ?? this.properties[0]?.folder;
        if (chosen) {
            await this.select(chosen, false);
        }
    }

    /** Reads the first page of the properties that match the filter; false when they cannot be read. */
    async loadList() {
        const list = ++this.lists;
        let page;
        try {
            page = await this.page(0);
        } catch (e) {
            this.list.replaceChildren(el('li', { class: 'unavailable' }, `The properties cannot be read: ${e.message}`));
            return false;
        }
        if (list === this.lists) {
            this.properties = page.properties;
            this.total = page.total;
            this.showList();
        }
        return true;
    }

    /** Adds the next page to the list, and moves the focus to its first property. */
    async more() {
        const list = this.lists;
        const first = this.properties.length;
        try {
            const page = await this.page(first);
            if (list === this.lists) {
                this.properties = this.properties.concat(page.properties);
                this.total = page.total;
                this.showList();
                this.list.querySelectorAll('.property-item')[first]?.focus();
            }
        } catch (e) {
            this.list.append(el('li', { class: 'unavailable' }, `More properties cannot be read: ${e.message}`));
        }
    }

    page(start) {
        const filter = this.filter.value.trim();
        return request(`properties?start=${start}&count=${PAGE}${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`);
    }

    showList() {
        if (this.properties.length === 0) {
            this.list.replaceChildren(el('li', { class: 'empty' },
                this.filter.value.trim() ? 'No property matches.' : 'No photos downloaded yet.'));
            return;
        }
        const items = this.properties.map((p) => el('li', {},
            el('button', {
                type: 'button', class: 'property-item', 'data-folder': p.folder,
                'aria-current': p.folder === this.selected ? 'true' : null,
                onclick: () => this.select(p.folder, true),
            },
            el('span', { class: 'address' }, p.address ?? p.folder),
            el('span', { class: 'meta' }, `${p.images} photo${p.images === 1 ? '' : 's'} · ${bytes(p.bytes)}`
                + (p.failures ? ` · ${p.failures} failed` : '')),
            el('span', { class: 'folder' }, p.folder))));
        if (this.properties.length < this.total) {
            items.push(el('li', {}, el('button', { type: 'button', class: 'more', onclick: () => this.more() },
                `Show more (${this.properties.length} of ${this.total})`)));
        }
        this.list.replaceChildren(...items);
    }

    /** Shows a property's photos; only the latest choice is shown when several load at once. */
    async select(folder, moveFocus) {
        this.selected = folder;
        for (const item of this.list.querySelectorAll('.property-item')) {
            if (item.dataset.folder === folder) {
                item.setAttribute('aria-current', 'true');
            } else {
                item.removeAttribute('aria-current');
            }
        }
        if (folder !== this.shown) {
            const load = ++this.loads;
            let manifest;
            try {
                manifest = await request(`properties/${folderPath(folder)}`);
            } catch (e) {
                manifest = { error: e.message };
            }
            if (load !== this.loads) {
                return;
            }
            if (manifest.error) {
                this.panel.replaceChildren(el('h2', { id: 'property-heading' }, 'Photos'), el('p', { class: 'unavailable' }, manifest.error));
                this.shown = null;
                return;
            }
            this.showProperty(folder, manifest);
            this.shown = folder;
        }
        if (moveFocus) {
            this.panel.querySelector('.thumb')?.focus();
        }
    }

    showProperty(folder, manifest) {
        const images = manifest.images ?? [];
        const address = manifest.property_address ?? folder;
        const thumbs = images.map((image, index) => el('li', {},
            el('button', {
                type: 'button', class: 'thumb', 'data-file': image.filename,
                'aria-label': `Photo ${index + 1} of ${images.length}: ${describe(image)}. Open full size.`,
                onclick: () => this.lightbox.open(folder, address, images, index),
            },
            el('img', {
                src: thumbnailUrl(folder, image.filename), alt: '', loading: 'lazy', decoding: 'async',
                ...thumbnailSize(image),
            }),
            el('span', { class: 'thumb-meta' }, `${image.width} × ${image.height} · ${bytes(image.file_size_bytes)}`),
            el('span', { class: 'thumb-detail', 'aria-hidden': 'true' },
                el('span', { class: 'url' }, image.source_url),
                el('span', {}, `${image.original_format ?? ''} · downloaded ${time(image.download_timestamp)}`)))));
        const failures = manifest.failures ?? [];
        this.panel.replaceChildren(...[
            el('h2', { id: 'property-heading' }, address),
            el('p', { class: 'property-meta' }, `${folder} · ${images.length} photo${images.length === 1 ? '' : 's'} · updated `,
                timeElement(manifest.last_updated)),
            images.length ? el('ul', { class: 'thumbs' }, ...thumbs) : el('p', { class: 'empty' }, 'No photos saved for this property.'),
            failures.length ? el('details', { class: 'failures' },
                el('summary', {}, `${failures.length} URL${failures.length === 1 ? '' : 's'} failed`),
                el('ul', { class: 'failure-list' }, ...failures.map((f) => el('li', {},
                    el('span', { class: 'url' }, f.source_url), ` — ${f.reason} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}, `,
                    timeElement(f.last_attempt), ')')))) : null,
        ].filter(Boolean));
    }
}

function describe(image) {
    return `${image.width} × ${image.height} pixels, ${bytes(image.file_size_bytes)}, from ${image.source_url}`;
}

/** The thumbnail's own size, so the grid does not jump while thumbnails load. */
function thumbnailSize(image) {
    if (!image.width || !image.height) {
        return {};
    }
    const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(image.width, image.height));
    return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}

/** The full-size view: a modal dialog; ← and → go through the property's photos, Escape closes it. */
class Lightbox {
    constructor(dialog) {
        this.dialog = dialog;
        this.image = dialog.querySelector('#lightbox-image');
        this.caption = dialog.querySelector('#lightbox-caption');
        this.title = dialog.querySelector('#lightbox-title');
        dialog.querySelector('#lightbox-previous').addEventListener('click', () => this.show(this.index - 1));
        dialog.querySelector('#lightbox-next').addEventListener('click', () => this.show(this.index + 1));
        dialog.querySelector('#lightbox-close').addEventListener('click', () => dialog.close());
        // On the document: the focused link of a photo's caption is replaced when the next photo shows.
        document.addEventListener('keydown', (event) => {
            if (!dialog.open) {
                return;
            }
            if (event.key === 'ArrowLeft') {
                event.preventDefault();
                this.show(this.index - 1);
            } else if (event.key === 'ArrowRight') {
                event.preventDefault();
                this.show(this.index + 1);
            }
        });
        dialog.addEventListener('click', (event) => {
            if (event.target === dialog) {
                dialog.close();
            }
        });
        dialog.addEventListener('close', () => {
            this.image.removeAttribute('src');
            document.querySelector(`.thumb[data-file="${CSS.escape(this.images[this.index].filename)}"]`)?.focus();
        });
    }

    open(folder, address, images, index) {
        this.folder = folder;
        this.address = address;
        this.images = images;
        this.show(index);
        this.dialog.showModal();
    }

    show(index) {
        this.index = (index + this.images.length) % this.images.length;
        const image = this.images[this.index];
        this.image.src = imageUrl(this.folder, image.filename);
        this.image.alt = `Photo ${this.index + 1} of ${this.images.length} of ${this.address}`;
        this.title.textContent = `${this.address}: photo ${this.index + 1} of ${this.images.length}`;
        const rows = [
            ['Photo', `${this.index + 1} of ${this.images.length} · ${image.filename}`],
            ['Source', /^https?:\/\//i.test(image.source_url ?? '')
                ? el('a', { href: image.source_url, target: '_blank', rel: 'noopener noreferrer' }, image.source_url)
                : image.source_url],
            ['Size', `${image.width} × ${image.height} pixels · ${bytes(image.file_size_bytes)}`
                + (image.original_format ? ` · from ${image.original_format}` : '')
                + (image.first_frame_only ? ' (first frame of an animation)' : '')],
            ['Downloaded', timeElement(image.download_timestamp)],
        ];
        this.caption.replaceChildren(el('p', { class: 'lightbox-address' }, this.address),
            el('dl', {}, ...rows.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, value)))));
    }
}
