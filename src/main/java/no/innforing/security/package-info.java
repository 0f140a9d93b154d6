/**
 * Who may call what: one login (a Spring Security session) for the app's pages and the Camunda webapps, by password
 * for Camunda's local users or through the region's OpenID Connect provider when one is configured; HTTP Basic and
 * the provider's Bearer tokens for the APIs; the engine learns the user, groups and tenants from Spring Security.
 * Demo users exist only in the demo setting, and the prod setting requires a strong admin password.
 */
package no.innforing.security;
