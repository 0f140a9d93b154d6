package no.innforing.version;

import java.util.List;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** RAG's API for the method's versions: which projects run which version, and moving them to a newer one. */
@RestController
class ProcessVersionController {

    private final ProcessVersions versions;
    private final MunicipalityAccess access;

    ProcessVersionController(ProcessVersions versions, MunicipalityAccess access) {
        this.versions = versions;
        this.access = access;
    }

    /** {@code process} defaults to the implementation process; {@code from} to every older version. */
    record MigrationBody(Boolean dryRun, Integer from, String process) {
    }

    @GetMapping("/api/process-versions")
    List<ProcessVersions.Version> versions() {
        access.requireRegional("se prosessversjonene");
        return versions.versions();
    }

    @PostMapping("/api/process-versions/{version}/migration")
    MigrationReport migrate(@PathVariable String version, @RequestBody(required = false) MigrationBody body) {
        access.requireRegional("flytte prosjekter til en ny prosessversjon");
        if (body == null) {
            throw DomainException.invalid("Send {\"dryRun\": true} for en prøvekjøring eller {\"dryRun\": false} for "
                    + "å flytte prosjektene; valgfritt \"from\": <versjon>.");
        }
        return versions.migrate(new ProcessVersions.MigrationRequest(body.process(), versionNumber(version),
                body.from(), Boolean.TRUE.equals(body.dryRun())));
    }

    /** A version number as the path or a form gives it: a whole number from 1. */
    static int versionNumber(String text) {
        if (text == null || !text.matches("\\d{1,9}") || Integer.parseInt(text) < 1) {
            throw DomainException.invalid("Versjonen må være et helt tall fra 1, for eksempel 2; «"
                    + (text == null ? "" : text) + "» er ikke det.");
        }
        return Integer.parseInt(text);
    }
}
