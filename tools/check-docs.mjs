#!/usr/bin/env node
// @ts-check
/**
 * npm run check:docs — what the repository's files cite and link exists:
 *   1. every citation `docs/domain.md §n` (also `§2–§3, §6`) names a section docs/domain.md has (a heading numbered
 *      n), a citation without the `docs/` is refused (it is ambiguous), and docs/domain.md's own `§n` exist;
 *   2. no file in the repository (git ls-files, untracked files included) names the folder outside it that once held
 *      the domain document (`..` + `/shared`): CI has such a folder, so a dead-link check would not catch it;
 *   3. every relative link in a Markdown file points to a file, and heading, that exists (remark-validate-links,
 *      GitHub's heading slugs);
 *   4. every document named by its path from the repository root in any file (`docs/adr/0007-swc-build.md` in a
 *      code comment) exists.
 *
 *   node tools/check-docs.mjs              exit 1 and a list of file:line problems
 *   node tools/check-docs.mjs --self-test  runs the checks on a deliberately broken example in a temporary folder
 *                                          and fails unless each break, and nothing else, is reported
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { remark } from 'remark';
import remarkValidateLinks from 'remark-validate-links';
import { engine } from 'unified-engine';

const DOMAIN = 'docs/domain.md';
// Spelled in parts so that this file names neither the path it forbids nor a citation it would refuse.
const OUTSIDE = ['..', 'shared'].join('/');
const SECTION = '\u00a7';
const NUMBER = String.raw`\d+(?:\.\d+)*`;
/** `docs/domain.md §2–§3, §6`: the citation and its list of sections (`–`, `-`, `,`, `and` between them). */
const CITATION = new RegExp(
  String.raw`docs/domain\.md\`?\s*(${SECTION}\s*${NUMBER}(?:\s*(?:[–—-]|,|and|&)\s*${SECTION}\s*${NUMBER})*)`,
  'g',
);
const SECTION_NUMBER = new RegExp(String.raw`${SECTION}\s*(${NUMBER})`, 'g');
/** A section cited by the file name alone, without its folder (ambiguous). */
const BARE_CITATION = new RegExp(String.raw`(?<![\w/.-])domain\.md\`?\s*${SECTION}`, 'g');

/** A Markdown file named by its path from the repository root: `docs/architecture.md`, `seeds/README.md`. */
const DOCUMENT_PATH = /(?<![\w./-])((?:apps|docs|libs|seeds|tools)\/[\w./-]*\.md)\b/g;

/** @typedef {{ file: string, line: number, message: string }} Problem */

/**
 * The section numbers a Markdown text has: "2" for "## 2. The project …", "5.1" for "### 5.1 Locked revisions".
 * @param {string} markdown
 */
export function sectionsOf(markdown) {
  return new Set([...markdown.matchAll(new RegExp(String.raw`^#{1,6}\s+(${NUMBER})\.?\s`, 'gm'))].map((m) => m[1]));
}

/**
 * Checks 1, 2 and 4 on the files (paths relative to root).
 * @param {string} root
 * @param {readonly string[]} files
 * @returns {Problem[]}
 */
export function checkCitations(root, files) {
  /** @type {Problem[]} */
  const problems = [];
  let sections = new Set();
  try {
    sections = sectionsOf(readFileSync(join(root, DOMAIN), 'utf8'));
  } catch {
    problems.push({ file: DOMAIN, line: 0, message: `${DOMAIN} is missing` });
  }
  const known = [...sections].join(', ');
  for (const file of files) {
    let buffer;
    try {
      buffer = readFileSync(join(root, file));
    } catch {
      continue; // deleted in the work tree, or a folder (submodule)
    }
    if (buffer.includes(0)) continue; // binary
    const text = buffer.toString('utf8');
    const lineAt = (/** @type {number} */ index) => text.slice(0, index).split('\n').length;
    for (let at = text.indexOf(OUTSIDE); at >= 0; at = text.indexOf(OUTSIDE, at + 1))
      problems.push({ file, line: lineAt(at), message: `refers to ${OUTSIDE}, a folder outside the repository` });
    for (const citation of text.matchAll(CITATION)) {
      for (const [, number] of citation[1].matchAll(SECTION_NUMBER)) {
        if (!sections.has(number))
          problems.push({
            file,
            line: lineAt(citation.index ?? 0),
            message: `cites ${DOMAIN} ${SECTION}${number}, which does not exist (sections: ${known})`,
          });
      }
    }
    for (const bare of text.matchAll(BARE_CITATION))
      problems.push({
        file,
        line: lineAt(bare.index ?? 0),
        message: `cite the domain document by its path: ${DOMAIN} ${SECTION}n`,
      });
    for (const mention of text.matchAll(DOCUMENT_PATH)) {
      // A link's target in Markdown is relative to its file and checked as a link (check 3).
      if (file.endsWith('.md') && text.slice(0, mention.index).endsWith('](')) continue;
      if (!exists(join(root, mention[1])))
        problems.push({ file, line: lineAt(mention.index ?? 0), message: `names ${mention[1]}, which does not exist` });
    }
    if (file === DOMAIN) {
      for (const reference of text.matchAll(SECTION_NUMBER)) {
        if (!sections.has(reference[1]))
          problems.push({
            file,
            line: lineAt(reference.index ?? 0),
            message: `refers to ${SECTION}${reference[1]}, which this file does not have`,
          });
      }
    }
  }
  return problems;
}

/**
 * Check 3: relative links of the Markdown files (paths relative to root).
 * @param {string} root
 * @param {readonly string[]} markdownFiles
 * @returns {Promise<Problem[]>}
 */
export async function checkLinks(root, markdownFiles) {
  if (!markdownFiles.length) return [];
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  /** @type {import('unified-engine').Context | undefined} */
  const context = await new Promise((resolve, reject) =>
    engine(
      {
        processor: remark(),
        cwd: root,
        files: [...markdownFiles],
        extensions: ['md'],
        // The engine types its plugins for any syntax tree, the plugin its own for Markdown's: the same at run time.
        plugins: [
          /** @type {import('unified').Pluggable} */ (
            /** @type {unknown} */ ([remarkValidateLinks, { repository: false, root }])
          ),
        ],
        detectConfig: false,
        detectIgnore: false,
        out: false,
        output: false,
        quiet: true,
        color: false,
        streamError: silent,
      },
      (error, _code, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  return (context?.files ?? []).flatMap((file) =>
    file.messages.map((message) => ({
      file: relative(root, join(root, file.path)),
      line: message.line ?? 0,
      message: message.reason,
    })),
  );
}

/** @param {string} path */
function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} root */
function repositoryFiles(root) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((file) => {
    try {
      return statSync(join(root, file)).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * All three checks.
 * @param {string} root
 * @param {readonly string[]} files
 */
export async function checkDocs(root, files) {
  const markdown = files.filter((file) => file.endsWith('.md'));
  return [...checkCitations(root, files), ...(await checkLinks(root, markdown))];
}

/** @param {Problem[]} problems */
function print(problems) {
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`);
}

async function selfTest() {
  // Built at run time so that the real check does not find these made-up paths in this file.
  const doc = (/** @type {string} */ name) => ['docs', name].join('/');
  const root = mkdtempSync(join(tmpdir(), 'jxt-check-docs-'));
  try {
    /** @type {Record<string, string>} */
    const example = {
      [DOMAIN]: `# Domain\n\n## 1. Roles\n\nSee ${SECTION}1.1 and ${SECTION}3.\n\n### 1.1 Tree\n`,
      'src/a.ts': [
        `// fine: docs/domain.md ${SECTION}1.1 and docs/domain.md ${SECTION}1–${SECTION}1.1`,
        `// broken: docs/domain.md ${SECTION}1, ${SECTION}2`,
        `// ambiguous: domain.md ${SECTION}1`,
        `// named by its path: README.md is fine, ${doc('adr/0099-none.md')} is not`,
        '',
      ].join('\n'),
      'notes.txt': `copied from ${OUTSIDE}/docs/x.md\n`,
      'README.md': [
        '# Readme',
        '',
        `[fine](${DOMAIN}#11-tree) [fine](#readme) [fine](src/a.ts) [fine](https://example.com/none)`,
        `[gone](${doc('missing.md')}) [wrong heading](${DOMAIN}#9-nothing) [wrong anchor](#nowhere)`,
        '',
        `\`[in code](${doc('none.md')})\` is not a link.`,
        '',
      ].join('\n'),
    };
    for (const [file, text] of Object.entries(example)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const problems = await checkDocs(root, Object.keys(example));
    const expected = [
      [DOMAIN, `${SECTION}3`],
      ['src/a.ts', `${SECTION}2`],
      ['src/a.ts', `by its path`],
      ['src/a.ts', doc('adr/0099-none.md')],
      ['notes.txt', OUTSIDE],
      ['README.md', doc('missing.md')],
      ['README.md', '9-nothing'],
      ['README.md', 'nowhere'],
    ];
    const missing = expected.filter(
      ([file, text]) => !problems.some((p) => p.file === file && p.message.includes(text)),
    );
    print(problems);
    for (const [file, text] of missing) console.log(`FAIL: no problem reported in ${file} about ${text}`);
    if (problems.length !== expected.length)
      console.log(`FAIL: ${problems.length} problems reported, ${expected.length} expected`);
    const ok = !missing.length && problems.length === expected.length;
    console.log(ok ? `self-test passed: each of the ${expected.length} breaks was reported` : 'self-test failed');
    return ok ? 0 : 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main() {
  if (process.argv.includes('--self-test')) return selfTest();
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const files = repositoryFiles(root);
  const problems = await checkDocs(root, files);
  print(problems);
  const markdown = files.filter((file) => file.endsWith('.md')).length;
  console.log(
    problems.length
      ? `${problems.length} problem(s) in citations and links`
      : `✔ ${files.length} files: citations of ${DOMAIN} and documents named by path exist, no reference outside the repository; ${markdown} Markdown files: every relative link resolves`,
  );
  return problems.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
