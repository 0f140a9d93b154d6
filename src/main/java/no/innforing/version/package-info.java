/**
 * Versions of the method: which deployed version of the implementation and benefit-measurement processes each
 * project runs, and moving running projects to a newer version (Camunda's migration API) with a dry run first.
 */
package no.innforing.version;
