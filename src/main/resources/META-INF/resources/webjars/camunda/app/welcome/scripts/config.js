/*
 * Innføring: the Camunda welcome page in Bokmål (English on request) links to the platform's own pages.
 * (Replaces the webjar's default config.js, which holds only commented-out examples.)
 */
import {app, installHeader, locales, installOsloTime} from '../../innforing/webapps.js';

installHeader();
installOsloTime();

export default {
  app: app('welcome'),
  locales,
  links: [
    {
      label: 'Regional oversikt',
      href: '/overview',
      description: 'Alle kommunenes innføringsprosjekter per bølge, med tidslinje, frister og trafikklys'
    },
    {
      label: 'Gevinster og risiko',
      href: '/benefits',
      description: 'Gevinstmål, målinger, risikoregister og kostnadsfordeling'
    }
  ]
};
