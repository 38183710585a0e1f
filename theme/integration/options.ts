import type { z } from 'astro/zod';
import { ThemeConfigSchema, type ThemeConfig } from '../config.ts';
import { closest, describeValue } from '../utils/describe.ts';
import { userError } from './errors.ts';

/**
 * Validates the options given to `carnet()`. Every problem is listed with the option's path, what was
 * received and what is expected, so a site owner can fix them all in one go.
 */
export function parseThemeOptions(input: unknown): ThemeConfig {
	const result = ThemeConfigSchema.safeParse(input ?? {}, { reportInput: true });
	if (result.success) return result.data;
	const problems = result.error.issues.flatMap((issue) => describeIssue(issue, ThemeConfigSchema.keyof().options));
	throw userError(
		`Invalid options passed to astro-theme-carnet:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
		'Fix the carnet({ ... }) options in astro.config.mjs; each option and its default are listed in the README.',
	);
}

/** One line per problem: `path: expected …, received ….` */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[]): string[] {
	const path = issue.path.map(String).join('.');
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => {
			const fullPath = path ? `${path}.${key}` : key;
			const suggestion = path ? undefined : closest(key, knownKeys);
			return suggestion
				? `${fullPath}: unknown option. Did you mean ${suggestion}?`
				: `${fullPath}: unknown option. Known options: ${knownKeys.join(', ')}.`;
		});
	}
	const received = 'input' in issue ? describeValue(issue.input) : 'nothing';
	return [`${path || '(options)'}: ${issue.message}, received ${received}.`];
}
