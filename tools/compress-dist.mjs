#!/usr/bin/env node
// @ts-check
// After `vite build`: write .br and .gz beside every text asset of the SPA, so the API serves them
// pre-compressed (@fastify/static preCompressed) without spending CPU per request. Not index.html: the API renders
// it per request with a fresh CSP nonce (ADR 0015) and never sends the file itself.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2];
if (!root) throw new Error('usage: compress-dist.mjs <dist folder>');
let files = 0;
let before = 0;
let after = 0;
/** @param {string} dir */
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(js|css|html|svg|json|txt)$/.test(name) && path !== join(root, 'index.html')) {
      const data = readFileSync(path);
      const gz = gzipSync(data, { level: 9 });
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(`${path}.gz`, gz);
      writeFileSync(`${path}.br`, br);
      files++;
      before += data.length;
      after += br.length;
    }
  }
};
walk(root);
console.log(`compressed ${files} files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB (brotli)`);
