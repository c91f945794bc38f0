#!/usr/bin/env node
// @ts-check
/**
 * npm run check:layers — the apps' import rules hold:
 *   1. the rules of .dependency-cruiser.cjs (no file-level cycle; the web's shared folders import no feature …);
 *   2. no cycle between the web app's feature folders (apps/web/src/modules/<feature>) and its other top-level
 *      folders, nor between the API's modules (apps/api/src/modules/<module>): forms → workflow → forms through
 *      different files is a cycle although no file imports itself,
 *      which dependency-cruiser's file-level rule does not see (its folder scope links a folder only to the
 *      innermost folders of what it imports, so it misses cycles through subfolders).
 * Specs are left out of step 2: a spec may compose several features.
 *
 *   node tools/check-layers.mjs              exit 1 and a list of what breaks a rule
 *   node tools/check-layers.mjs --self-test  checks step 2 on made-up import graphs (a cycle through subfolders,
 *                                            a three-feature cycle, a spec, an acyclic graph)
 */
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = 'apps/web/src/';
const API = 'apps/api/src/';

/**
 * The web folder a file belongs to: `modules/forms` for apps/web/src/modules/forms/components/FormSheet.tsx,
 * `ui` for apps/web/src/ui/format.ts, `.` for apps/web/src/main.tsx; null outside the web app.
 * @param {string} path
 */
export function webArea(path) {
  if (!path.startsWith(WEB)) return null;
  const parts = path.slice(WEB.length).split('/');
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : '.';
}

/**
 * The API module a file belongs to, prefixed `api:`: `api:modules/forms` for apps/api/src/modules/forms/dto/x.ts;
 * null outside apps/api/src/modules. Only the modules are layered against each other: the app's root files compose
 * them and common/ and database/ serve them all (.dependency-cruiser.cjs keeps those from importing a module).
 * @param {string} path
 */
export function apiArea(path) {
  if (!path.startsWith(API + 'modules/')) return null;
  const parts = path.slice(API.length).split('/');
  return parts.length > 2 ? `api:modules/${parts[1]}` : null;
}

/** @param {string} path */
const areaOf = (path) => webArea(path) ?? apiArea(path);

/**
 * Cycles between folders (the web app's and the API's): per group of folders that reach each other, the shortest cycle through each of
 * them (the folders in order and, per step, one import that makes it) and all the group's folders.
 * @param {ReadonlyArray<{ source: string, dependencies: ReadonlyArray<{ resolved: string }> }>} modules
 * @returns {{ areas: string[], members: string[], imports: string[] }[]}
 */
export function folderCycles(modules) {
  /** @type {Map<string, Map<string, string>>} area → (imported area → one example import) */
  const edges = new Map();
  for (const module of modules) {
    const from = areaOf(module.source);
    if (!from || /\.spec\.tsx?$/.test(module.source)) continue;
    for (const dependency of module.dependencies) {
      const to = areaOf(dependency.resolved);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const targets = /** @type {Map<string, string>} */ (edges.get(from));
      if (!targets.has(to)) targets.set(to, `${module.source} → ${dependency.resolved}`);
    }
  }
  // Tarjan's strongly connected components: every component of more than one folder holds a cycle.
  let index = 0;
  /** @type {Map<string, number>} */ const order = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  /** @type {string[][]} */ const components = [];
  /** @param {string} area */
  const visit = (area) => {
    order.set(area, index);
    low.set(area, index);
    index += 1;
    stack.push(area);
    for (const next of edges.get(area)?.keys() ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(area, Math.min(/** @type {number} */ (low.get(area)), /** @type {number} */ (low.get(next))));
      } else if (stack.includes(next)) {
        low.set(area, Math.min(/** @type {number} */ (low.get(area)), /** @type {number} */ (order.get(next))));
      }
    }
    if (low.get(area) === order.get(area)) {
      /** @type {string[]} */ const component = [];
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        component.push(member);
      } while (member !== area);
      if (component.length > 1) components.push(component);
    }
  };
  for (const area of [...edges.keys()].sort()) if (!order.has(area)) visit(area);

  // Per component, the shortest cycle back to each of its folders (the same cycle found from two of its folders
  // is listed once): each names imports to undo.
  /** @type {{ areas: string[], members: string[], imports: string[] }[]} */
  const cycles = [];
  const seen = new Set();
  for (const component of components) {
    const members = new Set(component);
    for (const start of [...component].sort()) {
      const areas = shortestCycle(edges, members, start);
      const key = [...areas].sort().join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const imports = areas.map((area, i) => {
        const next = areas[(i + 1) % areas.length];
        return /** @type {string} */ (edges.get(area)?.get(next));
      });
      cycles.push({ areas: [...areas, start], members: [...component].sort(), imports });
    }
  }
  return cycles;
}

/**
 * The shortest path from start back to itself inside one strongly connected component (breadth first).
 * @param {Map<string, Map<string, string>>} edges
 * @param {Set<string>} members
 * @param {string} start
 */
function shortestCycle(edges, members, start) {
  /** @type {Map<string, string>} */ const previous = new Map();
  const queue = [start];
  let closing = '';
  while (queue.length && !closing) {
    const area = /** @type {string} */ (queue.shift());
    for (const next of edges.get(area)?.keys() ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        closing = area;
        break;
      }
      if (!previous.has(next)) {
        previous.set(next, area);
        queue.push(next);
      }
    }
  }
  const areas = [closing];
  while (areas[0] !== start) areas.unshift(/** @type {string} */ (previous.get(areas[0])));
  return areas;
}

async function check() {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  process.chdir(root);
  const result = await cruise(['apps/web/src', 'apps/api/src'], { ...options, outputType: 'json' });
  const cruised = JSON.parse(/** @type {string} */ (result.output));
  const report = await format(cruised, { outputType: 'err' });
  let failed = report.exitCode > 0;
  process.stdout.write(/** @type {string} */ (report.output));

  const cycles = folderCycles(cruised.modules);
  for (const members of new Set(cycles.map((cycle) => cycle.members.join(', '))))
    console.log(`\n  error folder-cycle: these folders reach each other: ${members}`);
  for (const cycle of cycles) {
    console.log(`\n    ${cycle.areas.join(' → ')}`);
    for (const line of cycle.imports) console.log(`      ${line}`);
  }
  if (cycles.length) failed = true;
  else console.log(`✔ no cycle between the web app's folders nor between the API's modules`);
  return failed ? 1 : 0;
}

/** A path of the made-up graphs: `api/…` is under apps/api/src, anything else under apps/web/src. @param {string} p */
const fullPath = (p) => (p.startsWith('api/') ? API + p.slice(4) : WEB + p);

/** @param {Record<string, string[]>} graph file → files it imports */
const modulesOf = (graph) =>
  Object.entries(graph).map(([source, imports]) => ({
    source: fullPath(source),
    dependencies: imports.map((resolved) => ({ resolved: fullPath(resolved) })),
  }));

function selfTest() {
  /** @type {{ name: string, graph: Record<string, string[]>, expected: string[] }[]} */
  const cases = [
    {
      name: 'a cycle through subfolders (no file imports itself)',
      graph: {
        'modules/forms/FormPage.tsx': ['modules/workflow/components/Actions.tsx', 'modules/forms/hooks.ts'],
        'modules/workflow/components/Actions.tsx': ['modules/workflow/hooks.ts'],
        'modules/workflow/hooks.ts': ['modules/forms/query/keys.ts'],
      },
      expected: ['modules/forms → modules/workflow → modules/forms'],
    },
    {
      name: 'three features and the shared ui folder',
      graph: {
        'modules/a/x.ts': ['modules/b/y.ts'],
        'modules/b/y.ts': ['ui/z.ts'],
        'ui/z.ts': ['modules/a/w.ts'],
        'modules/c/v.ts': ['modules/a/x.ts'],
      },
      expected: ['modules/a → modules/b → ui → modules/a'],
    },
    {
      name: 'a spec composing two features that import each other one way',
      graph: {
        'modules/a/x.spec.tsx': ['modules/b/y.ts', 'modules/a/x.ts'],
        'modules/b/y.ts': ['modules/a/x.ts'],
      },
      expected: [],
    },
    {
      name: 'two API modules through their services (forms ↔ projects)',
      graph: {
        'api/modules/forms/forms.service.ts': ['api/modules/projects/projects.service.ts', 'api/common/x.ts'],
        'api/modules/projects/projects.service.ts': ['api/modules/forms/forms.service.ts'],
      },
      expected: ['api:modules/forms → api:modules/projects → api:modules/forms'],
    },
    {
      name: 'layers without a cycle',
      graph: {
        'app/router.tsx': ['modules/workflow/FormPage.tsx', 'modules/forms/hooks.ts'],
        'modules/workflow/FormPage.tsx': ['modules/forms/hooks.ts', 'ui/format.ts'],
        'modules/forms/hooks.ts': ['api/http.ts'],
      },
      expected: [],
    },
  ];
  let failures = 0;
  for (const { name, graph, expected } of cases) {
    const found = folderCycles(modulesOf(graph)).map((cycle) => cycle.areas.join(' → '));
    const ok = found.length === expected.length && expected.every((cycle) => found.includes(cycle));
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${found.length ? found.join('; ') : 'no cycle'}`);
    if (!ok) failures += 1;
  }
  console.log(failures ? `${failures} self-test case(s) failed` : 'self-test passed');
  return failures ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = process.argv.includes('--self-test') ? selfTest() : await check();
}
