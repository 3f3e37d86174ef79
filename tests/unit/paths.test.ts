import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDataDir, resolveMigrationsDir } from '../../src-main/paths';

const root = mkdtempSync(join(tmpdir(), 'herald-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const isDir = (p: string) => statSync(p).isDirectory();

describe('resolveDataDir', () => {
  const fallback = join(root, 'fallback');

  it.each([
    ['--data-dir DIR', ['electron', '.', '--data-dir', join(root, 'a')], {}, join(root, 'a')],
    ['--data-dir=DIR', ['electron', '.', `--data-dir=${join(root, 'b')}`], {}, join(root, 'b')],
    [
      'the flag over HERALD_DATA_DIR',
      ['x', '--data-dir', join(root, 'c')],
      { HERALD_DATA_DIR: join(root, 'env') },
      join(root, 'c'),
    ],
    [
      'the last flag when repeated',
      ['x', '--data-dir', join(root, 'd1'), `--data-dir=${join(root, 'd2')}`],
      {},
      join(root, 'd2'),
    ],
    ['HERALD_DATA_DIR over the fallback', ['x'], { HERALD_DATA_DIR: join(root, 'env') }, join(root, 'env')],
    ['the fallback when nothing is given', ['x'], {}, fallback],
    ['the fallback when HERALD_DATA_DIR is empty', ['x'], { HERALD_DATA_DIR: '' }, fallback],
  ])('takes %s and creates it', (_name, argv, env, expected) => {
    const dir = resolveDataDir(argv, env, fallback);
    expect(dir).toBe(expected);
    expect(isDir(dir)).toBe(true);
  });

  it('resolves a relative folder against the current directory', () => {
    const rel = relative(process.cwd(), join(root, 'rel', 'nested'));
    const dir = resolveDataDir(['x', '--data-dir', rel], {}, fallback);
    expect(dir).toBe(join(root, 'rel', 'nested'));
    expect(isDir(dir)).toBe(true);
  });

  it.each([[['x', '--data-dir']], [['x', '--data-dir', '--other']], [['x', '--data-dir=']]])(
    'rejects %j without a folder',
    (argv) => {
      expect(() => resolveDataDir(argv, {}, fallback)).toThrow(/--data-dir needs a folder/);
    },
  );

  it('fails when the folder cannot be created', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(() => resolveDataDir(['x', '--data-dir', join(file, 'sub')], {}, fallback)).toThrow();
  });
});

describe('resolveMigrationsDir', () => {
  it('uses resources/migrations when packaged', () => {
    expect(
      resolveMigrationsDir({ packaged: true, resourcesPath: '/opt/Herald/resources', moduleDir: '/x' }),
    ).toBe(join('/opt/Herald/resources', 'migrations'));
  });

  it('requires resourcesPath when packaged', () => {
    expect(() => resolveMigrationsDir({ packaged: true, moduleDir: '/x' })).toThrow(/resourcesPath/);
  });

  it('finds the repository migrations from this test file', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const dir = resolveMigrationsDir({ packaged: false, moduleDir: here });
    expect(dir).toBe(join(here, '..', '..', 'migrations'));
  });

  it('walks up to the nearest folder with a journal', () => {
    const project = join(root, 'project');
    mkdirSync(join(project, 'migrations', 'meta'), { recursive: true });
    writeFileSync(join(project, 'migrations', 'meta', '_journal.json'), '{"entries":[]}');
    // A migrations folder without a journal on the way up must not stop the search.
    mkdirSync(join(project, 'out', 'migrations'), { recursive: true });
    const moduleDir = join(project, 'out', 'main');
    mkdirSync(moduleDir, { recursive: true });
    expect(resolveMigrationsDir({ packaged: false, moduleDir })).toBe(join(project, 'migrations'));
  });

  it('names where it looked when there is no journal', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'herald-nomig-'));
    try {
      expect(() => resolveMigrationsDir({ packaged: false, moduleDir: lonely })).toThrow(lonely);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});
