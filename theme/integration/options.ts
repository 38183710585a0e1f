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
		// Look through .optional(), .default(), .prefault() and .pipe() to the object inside, and a list to its items.
		while (current && !('shape' in current._zod.def)) {
			const def = current._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType; element?: z.core.$ZodType };
			current = def.innerType ?? def.in ?? def.element;
		}
		if (!current) return [];
		const shape: Record<string, z.core.$ZodType> = (current._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
		if (key === undefined) return Object.keys(shape);
		// An item of a list (`navigation.0`) has the shape of every item.
		if (typeof key === 'number' || /^\d+$/.test(String(key))) continue;
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
			// A UI string's key is closest by its last part too (`nav.home` is `site.home`).
			const suggestion = closest(key, knownKeys) ?? knownKeys.find((known) => known.split('.').at(-1) === key.split('.').at(-1) && key.includes('.'));
			// Short lists are spelled out; the UI strings are too many, and listed in the README and the theme's i18n/en.ts.
			const known = knownKeys.length <= 30 ? ` Known options: ${knownKeys.join(', ')}.` : " The README lists them (the keys of astro-theme-carnet's i18n/en.ts).";
			return `${fullPath}: unknown option.${suggestion ? ` Did you mean ${suggestion}?` : ''}${known}`;
		});
	}
	const received = 'input' in issue ? describeValue(issue.input) : 'nothing';
	// Zod's own messages ("Invalid input: expected array, received string") say what was received, as ours does.
	const message = issue.message.replace(/^Invalid input: /, '').replace(/, received \w+$/, '');
	return [`${path || '(options)'}: ${message}, received ${received}.`];
}
