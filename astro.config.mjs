// @ts-check
import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://carnet.example.com',
	integrations: [
		carnet({
			title: 'Carnet',
			description: 'Le blog de démonstration de Carnet, un thème de blog pour Astro.',
			locale: 'fr',
			timeZone: 'Europe/Paris',
			postsPerPage: 6,
			socialImage: '/images/carnet-social.jpg',
			author: { name: 'L’équipe Carnet', url: 'https://carnet.example.com/' },
		}),
	],
});
