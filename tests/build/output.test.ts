import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { repoRoot, stripAnsi, type BuiltSite } from '../helpers/sites.ts';

// The validators run over the whole demo output, as a site owner's CI would.
const run = promisify(execFile);
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
let site: BuiltSite;

beforeAll(() => {
	site = demoSite();
	expect(site.ok, site.log).toBe(true);
});

async function check(command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
	try {
		const { stdout, stderr } = await run(command, args, { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 });
		return { ok: true, output: stripAnsi(stdout + stderr) };
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		return { ok: false, output: stripAnsi(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) };
	}
}

describe('the demo output passes the validators', () => {
	test('the Nu HTML checker reports no error on any page', async () => {
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const result = await check('java', ['-jar', vnu, '--skip-non-html', '--errors-only', '--format', 'gnu', site.dist]);
		expect(result.output).toBe('');
		expect(result.ok).toBe(true);
	});

	test('html-validate with its recommended preset reports no error', async () => {
		const config = path.join(repoRoot, 'tests/helpers/htmlvalidate.json');
		const result = await check(process.execPath, [bin('html-validate'), '--config', config, site.dist]);
		expect(result.output).toBe('');
		expect(result.ok).toBe(true);
	});

	test('linkinator finds no broken internal link or fragment', async () => {
		const result = await check(process.execPath, [
			bin('linkinator'),
			'**/*.html',
			'--server-root',
			site.dist,
			'--check-fragments',
			'--skip',
			'^(?!https?://(127\\.0\\.0\\.1|localhost))[a-z]+:',
			'--verbosity',
			'error',
		]);
		expect(result.output).toMatch(/Successfully scanned \d+ links/);
		expect(result.ok, result.output).toBe(true);
	});

	test.each([
		['sitemap-0.xml', 'sitemap.xsd'],
		['sitemap-index.xml', 'siteindex.xsd'],
	])('%s validates against %s', async (file, schema) => {
		const result = await check('xmllint', ['--noout', '--schema', path.join(repoRoot, 'tests/schemas', schema), path.join(site.dist, file)]);
		expect(result.output.trim()).toBe(`${path.join(site.dist, file)} validates`);
	});

	test.each(['rss.xml', 'atom.xml', 'tags/pme/rss.xml'])('%s is well-formed XML', async (file) => {
		const result = await check('xmllint', ['--noout', path.join(site.dist, file)]);
		expect(result.output).toBe('');
		expect(result.ok).toBe(true);
	});
});
