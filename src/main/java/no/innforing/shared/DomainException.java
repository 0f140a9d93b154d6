package no.innforing.shared;

import org.springframework.http.HttpStatus;

/**
 * A request that breaks a rule of the domain, with a message in Norwegian for the person who made it. The web
 * layer turns the kind into an HTTP status; in Tasklist the message is shown as it is.
 */
public class DomainException extends RuntimeException {

    /** The kinds of refusal, each with its HTTP status and the title a refusal page shows: the one mapping. */
    public enum Kind {
        /** The thing asked for does not exist (404). */
        NOT_FOUND(HttpStatus.NOT_FOUND, "Ikke funnet"),
        /** The request contradicts the project's current state (409). */
        CONFLICT(HttpStatus.CONFLICT, "Kan ikke gjøres nå"),
        /** The request is well-formed but breaks a rule, such as a deadline already passed (422). */
        UNPROCESSABLE(HttpStatus.UNPROCESSABLE_ENTITY, "Kan ikke gjøres"),
        /** The input itself is malformed (400). */
        INVALID(HttpStatus.BAD_REQUEST, "Ugyldig forespørsel");

        private final HttpStatus status;
        private final String title;

        Kind(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }

        public HttpStatus status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status this refusal is answered with. */
    public HttpStatus status() {
        return kind.status();
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException unprocessable(String message) {
        return new DomainException(Kind.UNPROCESSABLE, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, message);
    }
}
