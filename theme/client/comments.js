// Loads giscus (https://giscus.app) into the comments section of a post when the reader scrolls near it
// or presses its button, and keeps it in the page's colours: the theme toggle sets data-theme on <html>,
// otherwise the system setting applies. Served as is by routes/comments.js.ts (no bundling: one small file).
(() => {
	const section = document.querySelector('[data-carnet-comments]');
	if (!section) return;
	const origin = 'https://giscus.app';
	const button = section.querySelector('.carnet-comments__load');
	const root = document.documentElement;
	const system = matchMedia('(prefers-color-scheme: dark)');
	const theme = () => root.dataset.theme || (system.matches ? 'dark' : 'light');
	let observer;
	let loaded = false;
	const load = () => {
		if (loaded) return;
		loaded = true;
		if (observer) observer.disconnect();
		button.hidden = true;
		const script = document.createElement('script');
		for (const [name, value] of Object.entries(JSON.parse(section.dataset.carnetComments))) script.setAttribute(`data-${name}`, value);
		script.setAttribute('data-theme', theme());
		script.src = `${origin}/client.js`;
		script.crossOrigin = 'anonymous';
		script.async = true;
		section.append(script);
	};
	const sync = () => {
		const frame = section.querySelector('iframe.giscus-frame');
		if (frame && frame.contentWindow) frame.contentWindow.postMessage({ giscus: { setConfig: { theme: theme() } } }, origin);
	};
	new MutationObserver(sync).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
	system.addEventListener('change', sync);
	button.hidden = false;
	button.addEventListener('click', load);
	if ('IntersectionObserver' in window) {
		observer = new IntersectionObserver((entries) => {
			if (entries.some((entry) => entry.isIntersecting)) load();
		}, { rootMargin: '0px 0px 200px 0px' });
		observer.observe(section);
	}
})();
