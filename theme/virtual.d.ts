declare module 'virtual:carnet/config' {
	const config: import('./config.ts').ThemeConfig;
	export default config;
}

declare module 'virtual:carnet/math-stylesheet' {
	/** The URL of KaTeX's stylesheet with `math: 'htmlAndMathml'`, else undefined. */
	const href: string | undefined;
	export default href;
}

declare module 'virtual:carnet/project' {
	const project: import('./utils/project.ts').ProjectContext;
	export default project;
}

declare module 'virtual:carnet/images' {
	/** The `socialImage` option, imported. */
	export const socialImage: import('astro').ImageMetadata | undefined;
}

declare module 'virtual:carnet/components/Head' {
	const Head: typeof import('./components/Head.astro').default;
	export default Head;
}

declare module 'virtual:carnet/components/Header' {
	const Header: typeof import('./components/Header.astro').default;
	export default Header;
}

declare module 'virtual:carnet/components/Footer' {
	const Footer: typeof import('./components/Footer.astro').default;
	export default Footer;
}

declare module 'virtual:carnet/components/SocialLinks' {
	const SocialLinks: typeof import('./components/SocialLinks.astro').default;
	export default SocialLinks;
}

declare module 'virtual:carnet/components/ThemeToggle' {
	const ThemeToggle: typeof import('./components/ThemeToggle.astro').default;
	export default ThemeToggle;
}

declare module 'virtual:carnet/components/PostCard' {
	const PostCard: typeof import('./components/PostCard.astro').default;
	export default PostCard;
}

declare module 'virtual:carnet/components/FeaturedImage' {
	const FeaturedImage: typeof import('./components/FeaturedImage.astro').default;
	export default FeaturedImage;
}

declare module 'virtual:carnet/components/FormattedDate' {
	const FormattedDate: typeof import('./components/FormattedDate.astro').default;
	export default FormattedDate;
}

declare module 'virtual:carnet/components/TagList' {
	const TagList: typeof import('./components/TagList.astro').default;
	export default TagList;
}

declare module 'virtual:carnet/components/Pagination' {
	const Pagination: typeof import('./components/Pagination.astro').default;
	export default Pagination;
}

declare module 'virtual:carnet/components/PostMeta' {
	const PostMeta: typeof import('./components/PostMeta.astro').default;
	export default PostMeta;
}

declare module 'virtual:carnet/components/TableOfContents' {
	const TableOfContents: typeof import('./components/TableOfContents.astro').default;
	export default TableOfContents;
}

declare module 'virtual:carnet/components/PostNavigation' {
	const PostNavigation: typeof import('./components/PostNavigation.astro').default;
	export default PostNavigation;
}

declare module 'virtual:carnet/components/RelatedPosts' {
	const RelatedPosts: typeof import('./components/RelatedPosts.astro').default;
	export default RelatedPosts;
}

declare module 'virtual:carnet/components/ShareLinks' {
	const ShareLinks: typeof import('./components/ShareLinks.astro').default;
	export default ShareLinks;
}

declare module 'virtual:carnet/components/Prose' {
	const Prose: typeof import('./components/Prose.astro').default;
	export default Prose;
}

declare module 'virtual:carnet/components/SocialCard' {
	const SocialCard: typeof import('./components/SocialCard.ts').default;
	export default SocialCard;
}

declare module 'virtual:carnet/social-cards' {
	const setup: import('./integration/social-cards.ts').SocialCardSetup;
	export default setup;
}

declare module 'virtual:carnet/components/Search' {
	const Search: typeof import('./components/Search.astro').default;
	export default Search;
}

declare module 'virtual:carnet/components/Comments' {
	const Comments: typeof import('./components/Comments.astro').default;
	export default Comments;
}
