/** Thin REST client for the tests: provisioning with ADMIN_TOKEN, `/v1` calls with a user's API key. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export const call = async <T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<ApiResponse<T>> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      accept: "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
};

/** Like `call`, but a non-2xx answer is a test failure with the server's explanation. */
export const ok = async <T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> => {
  const response = await call<T>(baseUrl, method, path, token, body);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path} -> ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
};
