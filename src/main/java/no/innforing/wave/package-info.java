/**
 * Waves (PD1–PD3 with a hospital trust, KI1–KI5 municipal-only): the go-live dates every project's schedule is
 * computed from.
 */
package no.innforing.wave;
