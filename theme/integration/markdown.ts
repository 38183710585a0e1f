import type { AstroConfig } from 'astro';

/**
 * Code highlighting for posts. Astro's default, Shiki with its dark `github-dark` theme, colours code
 * with inline styles that ignore the reader's light or dark setting. Prism marks tokens with classes
 * instead, which the theme colours for both (styles/theme.css). A site that has configured Shiki
 * (a theme, themes or languages) or chosen a highlighter keeps its choice.
 */
export function markdownDefaults(markdown: AstroConfig['markdown']): Partial<AstroConfig['markdown']> | undefined {
	const { syntaxHighlight, shikiConfig } = markdown;
	const type = typeof syntaxHighlight === 'object' ? syntaxHighlight.type : syntaxHighlight;
	const shikiUntouched = shikiConfig.theme === 'github-dark' && Object.keys(shikiConfig.themes ?? {}).length === 0 && (shikiConfig.langs ?? []).length === 0;
	if (type !== 'shiki' || !shikiUntouched) return undefined;
	const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
	return { syntaxHighlight: { type: 'prism', ...(excludeLangs ? { excludeLangs } : {}) } };
}
