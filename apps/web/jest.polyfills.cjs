// @ts-check
// Browser globals that jsdom leaves out and react-router needs: TextEncoder at import time, Request for
// each navigation. Node's own Request refuses jsdom's AbortSignal, so a small stand-in carries what a
// client-side navigation without loaders reads (url, method, signal).
const { TextEncoder, TextDecoder } = require('node:util');
Object.assign(globalThis, { TextEncoder, TextDecoder });

// The stand-ins are partial on purpose, so they are assigned as plain values, not as the DOM's full types.
if (typeof globalThis.Request === 'undefined') {
  class Request {
    /**
     * @param {string | { url?: string }} input
     * @param {{ method?: string, signal?: AbortSignal, headers?: Record<string, string>, body?: unknown }} [init]
     */
    constructor(input, init = {}) {
      this.url = typeof input === 'string' ? input : String(input.url ?? input);
      this.method = (init.method ?? 'GET').toUpperCase();
      this.signal = init.signal ?? new AbortController().signal;
      this.headers = new Map(Object.entries(init.headers ?? {}));
      this.body = init.body ?? null;
    }
  }
  Object.assign(globalThis, { Request });
}

// antd's Form (rc-component/form) schedules its watchers through a MessageChannel, which jsdom lacks.
// A timer stand-in keeps the "next macro task" meaning without holding the process open as Node's ports would.
if (typeof globalThis.MessageChannel === 'undefined') {
  /** @typedef {{ onmessage: ((event: { data: unknown }) => void) | null, postMessage(data: unknown): void, close(): void }} Port */
  class MessageChannel {
    constructor() {
      /** @type {Port} */
      const port1 = {
        onmessage: null,
        postMessage: (data) => setTimeout(() => port2.onmessage?.({ data }), 0),
        close() {},
      };
      /** @type {Port} */
      const port2 = {
        onmessage: null,
        postMessage: (data) => setTimeout(() => port1.onmessage?.({ data }), 0),
        close() {},
      };
      this.port1 = port1;
      this.port2 = port2;
    }
  }
  Object.assign(globalThis, { MessageChannel });
}
