// The admin API client: the session cookie goes along by itself; every call that changes
// something carries the session's CSRF token, which the server checks.

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

/** An API failure with the server's stable code and message. */
export class ApiFailure extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || [];
  }
}

async function failureOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body.error === 'string') {
    return new ApiFailure(response.status, body.error, body.message || body.error, body.details);
  }
  return new ApiFailure(response.status, 'http_' + response.status, response.statusText || 'request failed');
}

/**
 * Calls the API. `body` may be an object (sent as JSON), a string or a Blob/ArrayBuffer with
 * `contentType`. Returns parsed JSON, or a Blob when `as` is 'blob'.
 */
export async function api(method, path, { body, contentType, as } = {}) {
  // X-Parley-Client: the server then answers 401 without a Basic challenge (no browser dialog).
  const headers = { Accept: as === 'blob' ? '*/*' : 'application/json', 'X-Parley-Client': 'console' };
  let payload = body;
  if (body !== undefined && contentType === undefined && typeof body === 'object' && !(body instanceof Blob) && !(body instanceof ArrayBuffer)) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['X-Parley-CSRF'] = csrfToken;
  }
  const response = await fetch('/api/' + path, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await failureOf(response);
  }
  if (as === 'blob') {
    return response.blob();
  }
  if (as === 'text') {
    return response.text();
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Path of a bot's admin calls. */
export function botPath(tenant, bot, rest = '') {
  return `admin/tenants/${encodeURIComponent(tenant)}/bots/${encodeURIComponent(bot)}${rest}`;
}
