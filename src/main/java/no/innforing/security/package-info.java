/**
 * Who may call what: the app's API and the engine REST API authenticate against Camunda's identity service;
 * demo users exist only in the demo setting, and the prod setting requires a strong admin password.
 */
package no.innforing.security;
