/*
 * Innføring: the Camunda welcome page links to the platform's own pages.
 * (Replaces the webjar's default config.js, which holds only commented-out examples.)
 */
export default {
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
