// The application's REST API, as the page uses it. The browser sends the HTTP Basic credentials it was asked for
// when it loaded the page (web.xml protects the page with the API's users), so no request here carries a password.

// Built on the page's origin and path, never on its full address: a page opened as http://user:password@host/
// would otherwise hand its credentials to every URL, and browsers refuse requests for such URLs.
const API = new URL('api/', location.origin + location.pathname);

const apiUrl = (path) => new URL(path, API).href;

/** An answer other than 2xx: its status and the API's message. */
export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }

    /** 404 for a resource that the page knows exists: this server lacks the endpoint. */
    get unavailable() {
        return this.status === 404;
    }
}

/**
 * Sends a request under /api and answers the parsed JSON body (null when there is none).
 * @param {string} path below /api, already encoded
 * @param {{method?: string, json?: object, body?: Blob, type?: string}} [options]
 */
export async function request(path, { method = 'GET', json, body, type } = {}) {
    const headers = { Accept: 'application/json' };
    if (json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
    } else if (type) {
        headers['Content-Type'] = type;
    }
    let response;
    try {
        response = await fetch(apiUrl(path), { method, headers, body, cache: 'no-store' });
    } catch {
        throw new ApiError(0, 'the server does not answer; is it running?');
    }
    const text = await response.text();
    const parsed = parse(text);
    if (!response.ok) {
        throw new ApiError(response.status, parsed?.message ?? `HTTP ${response.status} ${response.statusText}`);
    }
    return parsed;
}

function parse(text) {
    if (!text) {
        return null;
    }
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

/** A property folder ("phoenix/123-main-st") as a path below /api/properties, every part encoded. */
export function folderPath(folder) {
    return folder.split('/').map(encodeURIComponent).join('/');
}

export const imageUrl = (folder, file) => apiUrl(`properties/${folderPath(folder)}/images/${encodeURIComponent(file)}`);
export const thumbnailUrl = (folder, file) => apiUrl(`properties/${folderPath(folder)}/thumbnails/${encodeURIComponent(file)}`);
