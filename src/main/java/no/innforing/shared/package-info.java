/**
 * The kernel every feature builds on: refusals with a Norwegian message and how they become HTTP answers, who is
 * acting, and how dates are written. It depends on no feature.
 */
package no.innforing.shared;
