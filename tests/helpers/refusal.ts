/**
 * What a user is told when `run` refuses its input: the error's message, then its hint, as Astro prints
 * them. Throws when `run` accepts the input.
 */
export function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\nHint: ${hint}`;
	}
	throw new Error('expected the input to be refused');
}
