package no.innforing.project;

/**
 * A request that breaks a rule of the domain, with a message in Norwegian for the person who made it. The web
 * layer turns the kind into an HTTP status; in Tasklist the message is shown as it is.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** The request contradicts the project's current state (409). */
        CONFLICT,
        /** The request is well-formed but breaks a rule, such as a deadline already passed (422). */
        UNPROCESSABLE,
        /** The input itself is malformed (400). */
        INVALID
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
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
