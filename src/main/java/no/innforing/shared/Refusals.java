package no.innforing.shared;

import org.springframework.http.HttpStatus;

/** The Norwegian words of refusals that are not a rule of one feature: races and generic titles. */
public final class Refusals {

    /** The loser of two concurrent changes of the same thing. */
    public static final String CONCURRENT_CHANGE = "Noen andre kom deg i forkjøpet: dette ble endret samtidig av "
            + "en annen. Last siden på nytt og se hva som gjelder nå; ingenting er gjort to ganger.";

    /** A task completed by someone else a moment ago. */
    public static final String TASK_ALREADY_DONE = "Oppgaven er allerede fullført av en annen. Last oppgavelisten "
            + "på nytt; ingenting er gjort to ganger.";

    private Refusals() {
    }

    /** The Norwegian title of an HTTP status, for problem+json bodies and refusal pages. */
    public static String title(int status) {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            if (kind.status().value() == status) {
                return kind.title();
            }
        }
        HttpStatus known = HttpStatus.resolve(status);
        return switch (status) {
            case 401 -> "Innlogging kreves";
            case 403 -> "Ingen tilgang";
            default -> known == null ? "Feil" : known.getReasonPhrase();
        };
    }
}
