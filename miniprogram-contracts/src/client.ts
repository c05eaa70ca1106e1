// A small client of the WeStudio API for the mini-program, typed from schema.d.ts (generated from openapi.json).
// It needs only the `wx` object (wx.request, wx.uploadFile, wx.login): pass the mini-program's global `wx`.
import type { paths } from '../schema.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** What the client uses of `wx` (a structural subset of miniprogram-api-typings' declarations). */
export interface WxLike {
  request(options: {
    url: string;
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    data?: string | Record<string, unknown>;
    header?: Record<string, string>;
    timeout?: number;
    success?: (result: { statusCode: number; data: unknown }) => void;
    fail?: (error: { errMsg: string }) => void;
  }): unknown;
  uploadFile(options: {
    url: string;
    filePath: string;
    name: string;
    header?: Record<string, string>;
    formData?: Record<string, string>;
    timeout?: number;
    success?: (result: { statusCode: number; data: string }) => void;
    fail?: (error: { errMsg: string }) => void;
  }): unknown;
  login(options: { timeout?: number; success?: (result: { code: string }) => void; fail?: (error: { errMsg: string }) => void }): unknown;
}

/** The network failed (no HTTP answer): `wx.request` called `fail`. Refusals are never thrown: they are `{ problem }`. */
export class WxNetworkError extends Error {
  constructor(readonly errMsg: string) {
    super(`WeStudio API unreachable: ${errMsg}`);
    this.name = 'WxNetworkError';
  }
}

/** Paths that have an operation for `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer O } ? ([O] extends [undefined] ? never : P) : never;
}[keyof paths];

/** The operation of `M` on `P`. */
export type Operation<P extends keyof paths, M extends HttpMethod> = Exclude<paths[P][M], undefined>;

type Parameters_<O> = O extends { parameters: infer X } ? X : object;
type PathPart<O> = Parameters_<O> extends { path: infer X } ? { path: X } : { path?: undefined };
type QueryPart<O> = Parameters_<O> extends { query?: infer Q }
  ? [Q] extends [undefined] ? { query?: undefined } : object extends Q ? { query?: Q } : { query: Q }
  : { query?: undefined };
type BodyPart<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : O extends { requestBody?: { content: { 'application/json': infer B } } } ? { body?: B } : { body?: undefined };

/** What a call takes: `path` parameters, `query` parameters and the JSON `body`, each as the operation declares. */
export type RequestOptions<O> = PathPart<O> & QueryPart<O> & BodyPart<O>;

type Responses<O> = O extends { responses: infer R } ? R : never;
type ContentOf<R> = R extends { content: infer C } ? C : never;
type DataOf<R> = ContentOf<R> extends { 'application/json': infer T } ? T : [ContentOf<R>] extends [never] ? undefined : ContentOf<R>[keyof ContentOf<R>];
type ProblemOf<R> = ContentOf<R> extends { 'application/problem+json': infer T } ? T : never;
type Success = 200 | 201 | 202 | 204 | 304;

/** A success: `data` typed by `status`. */
export type ApiSuccess<O> = {
  [S in keyof Responses<O> & number]: S extends Success ? { ok: true; status: S; data: DataOf<Responses<O>[S]>; problem?: undefined } : never;
}[keyof Responses<O> & number];

/** A refusal: `problem` (ProblemDetails) typed by `status`, its `code` one of the codes this operation declares for it. */
export type ApiProblem<O> = {
  [S in keyof Responses<O> & number]: S extends Success ? never : { ok: false; status: S; data?: undefined; problem: ProblemOf<Responses<O>[S]> };
}[keyof Responses<O> & number];

/** What every call returns: `{ ok: true, status, data }` or `{ ok: false, status, problem }`. */
export type ApiResult<O> = ApiSuccess<O> | ApiProblem<O>;

type MultipartOf<O> = O extends { requestBody: { content: { 'multipart/form-data': infer F } } } ? F : never;

/** Paths that take a file upload (`multipart/form-data`). */
export type UploadPaths = {
  [P in PathsWith<'post'>]: [MultipartOf<Operation<P, 'post'>>] extends [never] ? never : P;
}[PathsWith<'post'>];

/** What an upload takes: the form field `name` the operation declares and the local `filePath` (from wx.chooseMedia). */
export type UploadOptions<O> = PathPart<O> & { name: keyof MultipartOf<O> & string; filePath: string };

export interface ClientOptions {
  /** The API's origin, e.g. `https://westudio.example.edu.cn` (no trailing slash). */
  baseUrl: string;
  /** The mini-program's `wx`. */
  wx: WxLike;
  /** A token kept from an earlier session (e.g. wx.getStorageSync('token')). */
  token?: string | null;
  /** Called with each new token (store it) and with null when it is dropped. */
  onToken?: (token: string | null) => void;
  /** On a 401, log in again once with wx.login and retry the call (default true). */
  reLogin?: boolean;
  /** wx.request timeout in milliseconds. */
  timeout?: number;
}

const WeChatLoginPath = '/api/v1/auth/wechat-login';

/** A new `clientNonce`: 32 characters of A–Z a–z 0–9 (the API takes 8–64 of `A–Z a–z 0–9 _ -`). New per scan, the same on a retry. */
export function newClientNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += alphabet[Math.floor(Math.random() * alphabet.length)];
  return nonce;
}

function buildUrl(baseUrl: string, template: string, path?: Record<string, unknown>, query?: Record<string, unknown>): string {
  let url = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = path?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter '${name}' for ${template}`);
    return encodeURIComponent(String(value));
  });
  const pairs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  if (pairs.length > 0) url += `?${pairs.join('&')}`;
  return baseUrl + url;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toResult<O>(statusCode: number, data: unknown): ApiResult<O> {
  const ok = statusCode >= 200 && statusCode < 400;
  return (ok ? { ok: true, status: statusCode, data } : { ok: false, status: statusCode, problem: data }) as ApiResult<O>;
}

export interface WeStudioClient {
  /** The token in use, or null before the first login. */
  readonly token: string | null;
  /** Calls `method path`: the token is attached; on a 401 it logs in again once (wx.login → wechat-login) and retries the same call. */
  request<M extends HttpMethod, P extends PathsWith<M>>(method: M, path: P, options: RequestOptions<Operation<P, M>>): Promise<ApiResult<Operation<P, M>>>;
  get<P extends PathsWith<'get'>>(path: P, options: RequestOptions<Operation<P, 'get'>>): Promise<ApiResult<Operation<P, 'get'>>>;
  post<P extends PathsWith<'post'>>(path: P, options: RequestOptions<Operation<P, 'post'>>): Promise<ApiResult<Operation<P, 'post'>>>;
  put<P extends PathsWith<'put'>>(path: P, options: RequestOptions<Operation<P, 'put'>>): Promise<ApiResult<Operation<P, 'put'>>>;
  delete<P extends PathsWith<'delete'>>(path: P, options: RequestOptions<Operation<P, 'delete'>>): Promise<ApiResult<Operation<P, 'delete'>>>;
  /** Uploads one file with wx.uploadFile (same token and re-login rules). */
  upload<P extends UploadPaths>(path: P, options: UploadOptions<Operation<P, 'post'>>): Promise<ApiResult<Operation<P, 'post'>>>;
  /** wx.login, then POST /api/v1/auth/wechat-login; keeps the token on success. */
  login(): Promise<ApiResult<Operation<typeof WeChatLoginPath, 'post'>>>;
  /**
   * A member's scan: POST /api/v1/checkins with a new clientNonce, kept for every retry of this scan (after a re-login, or
   * once more when the network failed), so the API answers the first check-in again (200, same body) instead of a second one.
   */
  checkIn(scan: Omit<CheckInBody, 'clientNonce'>, clientNonce?: string): Promise<ApiResult<Operation<'/api/v1/checkins', 'post'>>>;
}

type CheckInBody = RequestOptions<Operation<'/api/v1/checkins', 'post'>>['body'];

export function createClient(options: ClientOptions): WeStudioClient {
  const { baseUrl, wx } = options;
  let token = options.token ?? null;
  let loggingIn: Promise<boolean> | null = null;

  const setToken = (value: string | null) => {
    token = value;
    options.onToken?.(value);
  };
  const headers = (auth: boolean): Record<string, string> => {
    const h: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (auth && token) h.Authorization = `Bearer ${token}`;
    return h;
  };

  const send = (method: HttpMethod, url: string, body: unknown, auth: boolean) =>
    new Promise<{ statusCode: number; data: unknown }>((resolve, reject) => {
      const header = headers(auth);
      if (body !== undefined) header['Content-Type'] = 'application/json';
      wx.request({
        url,
        method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'DELETE',
        data: body === undefined ? undefined : JSON.stringify(body),
        header,
        timeout: options.timeout,
        success: (r) => resolve({ statusCode: r.statusCode, data: parseJson(r.data) }),
        fail: (e) => reject(new WxNetworkError(e.errMsg)),
      });
    });

  const wxLoginCode = () =>
    new Promise<string>((resolve, reject) =>
      wx.login({ timeout: options.timeout, success: (r) => resolve(r.code), fail: (e) => reject(new WxNetworkError(e.errMsg)) }));

  const login = async () => {
    const code = await wxLoginCode();
    const r = await send('post', baseUrl + WeChatLoginPath, { code }, false);
    const result = toResult<Operation<typeof WeChatLoginPath, 'post'>>(r.statusCode, r.data);
    if (result.ok) setToken(result.data.token);
    return result;
  };

  /** One login shared by every call that got a 401 meanwhile. */
  const reLogin = () => {
    loggingIn ??= login().then((r) => r.ok).finally(() => { loggingIn = null; });
    return loggingIn;
  };

  const withReLogin = async (path: string, call: () => Promise<{ statusCode: number; data: unknown }>) => {
    let r = await call();
    if (r.statusCode === 401 && options.reLogin !== false && path !== WeChatLoginPath) {
      setToken(null);
      if (await reLogin()) r = await call();
    }
    return r;
  };

  const request = async (method: HttpMethod, path: string, opts: { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }) => {
    const url = buildUrl(baseUrl, path, opts.path, opts.query);
    const r = await withReLogin(path, () => send(method, url, opts.body, path !== WeChatLoginPath));
    return toResult(r.statusCode, r.data);
  };

  const client: WeStudioClient = {
    get token() {
      return token;
    },
    request: (method, path, opts) => request(method, path, opts as never) as never,
    get: (path, opts) => request('get', path, opts as never) as never,
    post: (path, opts) => request('post', path, opts as never) as never,
    put: (path, opts) => request('put', path, opts as never) as never,
    delete: (path, opts) => request('delete', path, opts as never) as never,
    upload: async (path, opts) => {
      const o = opts as { path?: Record<string, unknown>; name: string; filePath: string };
      const url = buildUrl(baseUrl, path, o.path);
      const r = await withReLogin(path, () =>
        new Promise<{ statusCode: number; data: unknown }>((resolve, reject) =>
          wx.uploadFile({
            url,
            name: o.name,
            filePath: o.filePath,
            header: headers(true),
            timeout: options.timeout,
            success: (res) => resolve({ statusCode: res.statusCode, data: parseJson(res.data) }),
            fail: (e) => reject(new WxNetworkError(e.errMsg)),
          })));
      return toResult(r.statusCode, r.data) as never;
    },
    login,
    checkIn: async (scan, clientNonce = newClientNonce()) => {
      const body = { ...scan, clientNonce } as CheckInBody;
      try {
        return await client.post('/api/v1/checkins', { body });
      } catch (e) {
        if (!(e instanceof WxNetworkError)) throw e;
        return client.post('/api/v1/checkins', { body }); // the same nonce: at most one check-in
      }
    },
  };
  return client;
}
