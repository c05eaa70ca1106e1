// A thin `wx` for Node over fetch, as the mini-program runtime behaves: wx.request sends `data` as the body
// (a string as is), parses a JSON answer (application/json or application/problem+json) and calls `success` for every
// HTTP status; `fail` only when there was no answer. wx.uploadFile sends multipart/form-data with the file under `name`
// and hands back the body as text. wx.login returns a WeChat sandbox code for `loginAs` (each code works once).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WxLike } from '../src/client.js';

export interface FetchWx extends WxLike {
  /** wx.login calls so far. */
  logins: number;
  /** The sandbox user that wx.login signs in as. */
  loginAs: string;
}

const contentTypes: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export function fetchWx(loginAs: string): FetchWx {
  const wx: FetchWx = {
    logins: 0,
    loginAs,
    request(options) {
      fetch(options.url, { method: options.method ?? 'GET', headers: options.header, body: typeof options.data === 'string' ? options.data : options.data === undefined ? undefined : JSON.stringify(options.data) })
        .then(async (response) => {
          const text = await response.text();
          const json = /json/i.test(response.headers.get('content-type') ?? '');
          options.success?.({ statusCode: response.status, data: json && text.length > 0 ? JSON.parse(text) : text });
        })
        .catch((error: unknown) => options.fail?.({ errMsg: `request:fail ${String(error)}` }));
      return undefined;
    },
    uploadFile(options) {
      readFile(options.filePath)
        .then(async (bytes) => {
          const form = new FormData();
          for (const [k, v] of Object.entries(options.formData ?? {})) form.append(k, v);
          const extension = options.filePath.split('.').pop()?.toLowerCase() ?? '';
          form.append(options.name, new Blob([bytes], { type: contentTypes[extension] ?? 'application/octet-stream' }), basename(options.filePath));
          const response = await fetch(options.url, { method: 'POST', headers: options.header, body: form });
          options.success?.({ statusCode: response.status, data: await response.text() });
        })
        .catch((error: unknown) => options.fail?.({ errMsg: `uploadFile:fail ${String(error)}` }));
      return undefined;
    },
    login(options) {
      wx.logins++;
      const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
      setTimeout(() => options.success?.({ code: `sandbox:${wx.loginAs}:${nonce}` }), 0);
      return undefined;
    },
  };
  return wx;
}
