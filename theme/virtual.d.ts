declare module 'virtual:carnet/config' {
	const config: import('./config.ts').ThemeConfig;
	export default config;
}

declare module 'virtual:carnet/project' {
	const project: import('./integration/virtual-modules.ts').ProjectContext;
	export default project;
}

declare module 'virtual:carnet/images' {
	/** The `socialImage` option, imported. */
	export const socialImage: import('astro').ImageMetadata | undefined;
}
