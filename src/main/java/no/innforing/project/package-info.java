/**
 * The implementation project: one Camunda process instance per municipality, its schedule computed from the
 * wave's go-live date, registration, withdrawal, wave moves and the process delegates.
 */
package no.innforing.project;
