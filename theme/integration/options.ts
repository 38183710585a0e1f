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
	// Each once: a value may fail two checks that say the same (an empty repo: missing, and not owner/name).
	const problems = [...new Set(result.error.issues.flatMap((issue) => describeIssue(issue, optionNamesAt(ThemeConfigSchema, issue.path))))];
	throw userError(
		`Invalid options passed to astro-theme-carnet:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
		'Fix the carnet({ ... }) options in astro.config.mjs; each option and its default are listed in the README.',
	);
}

/** The option names of the object at `path` in a schema, to list or suggest them for a typo. */
function optionNamesAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
	let current: z.core.$ZodType | undefined = schema;
	for (const key of [...path, undefined]) {
		// Look through .optional(), .default(), .prefault() and .pipe() to the object inside.
		while (current && !('shape' in current._zod.def)) {
			const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
			current = def.innerType ?? def.in;
		}
		if (!current) return [];
		const shape: Record<string, z.core.$ZodType> = (current._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
		if (key === undefined) return Object.keys(shape);
		current = shape[String(key)];
	}
	return [];
}

/** One line per problem: `path: expected …, received ….` */
export function describeIssue(issue: z.core.$ZodIssue, knownKeys: readonly string[]): string[] {
	const path = issue.path.map(String).join('.');
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => {
			const fullPath = path ? `${path}.${key}` : key;
			const suggestion = closest(key, knownKeys);
			// Short lists are spelled out; the UI strings are too many, and listed in the README.
			const known = knownKeys.length <= 30 ? ` Known options: ${knownKeys.join(', ')}.` : ' The README lists them.';
			return `${fullPath}: unknown option.${suggestion ? ` Did you mean ${suggestion}?` : ''}${known}`;
		});
	}
	const received = 'input' in issue ? describeValue(issue.input) : 'nothing';
	// Zod's own messages ("Invalid input: expected array, received string") say what was received, as ours does.
	const message = issue.message.replace(/^Invalid input: /, '').replace(/, received \w+$/, '');
	return [`${path || '(options)'}: ${message}, received ${received}.`];
}
