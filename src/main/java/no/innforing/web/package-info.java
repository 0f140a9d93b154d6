/** What every part of the web API shares: errors as problem+json with a clear detail. */
package no.innforing.web;
