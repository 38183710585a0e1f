// Copy buttons on code blocks (the `code` option), for pages whose body has one: the page loads this
// file as a module, with the button's words on its <script> element. Plain JavaScript, so that it is
// served as written, a file from the site itself under a Content-Security-Policy.
const script = document.querySelector('script[data-carnet-copy]');
const words = script instanceof HTMLElement ? script.dataset : {};
const announcer = document.createElement('p');
announcer.className = 'carnet-visually-hidden';
announcer.setAttribute('role', 'status');
document.body.append(announcer);

// A block's code without its removed lines (del={…}), each with its line break.
function codeOf(pre) {
	const code = (pre.querySelector('code') ?? pre).cloneNode(true);
	for (const del of code.querySelectorAll('del.carnet-code__del')) {
		const before = del.previousSibling;
		const after = del.nextSibling;
		if (before?.nodeType === 3 && before.data.endsWith('\n')) before.data = before.data.slice(0, -1);
		else if (after?.nodeType === 3) after.data = after.data.replace(/^\n/, '');
		del.remove();
	}
	return code.textContent ?? '';
}

for (const pre of document.querySelectorAll('main pre')) {
	const frame = document.createElement('div');
	frame.className = 'carnet-code__frame';
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'carnet-code__copy';
	button.textContent = words.carnetCopy ?? 'Copy code';
	button.addEventListener('click', async () => {
		let message = words.carnetFailed ?? 'The code could not be copied';
		try {
			await navigator.clipboard.writeText(codeOf(pre));
			message = words.carnetCopied ?? 'Code copied';
			button.dataset.copied = '';
			setTimeout(() => delete button.dataset.copied, 2000);
		} catch {}
		// Emptied first, so that copying twice is announced twice.
		announcer.textContent = '';
		setTimeout(() => (announcer.textContent = message), 50);
	});
	pre.before(frame);
	frame.append(pre, button);
}
