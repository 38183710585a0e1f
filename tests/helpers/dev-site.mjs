// Starts Astro's programmatic dev() server for a site in a process of its own and prints its address.
// Usage: node dev-site.mjs <root>
import { dev } from 'astro';

const [root] = process.argv.slice(2);
const server = await dev({ root, logLevel: 'warn', server: { port: 0, host: '127.0.0.1' }, devToolbar: { enabled: false } });
console.log(`CARNET_DEV_SERVER ${JSON.stringify(server.address)}`);
process.on('SIGTERM', async () => {
	await server.stop();
	process.exit(0);
});
