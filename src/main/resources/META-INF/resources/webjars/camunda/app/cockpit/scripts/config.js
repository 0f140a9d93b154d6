/*
 * Innføring: Cockpit in Bokmål (English on request), named "Innføring Cockpit", with links to the regional
 * overview. Replaces the webjar's config.js, which holds only commented-out examples.
 */
import {app, installHeader, locales, installOsloTime} from '../../innforing/webapps.js';

installHeader();
installOsloTime();

export default {
  app: app('cockpit'),
  locales
};
