package no.innforing.overview;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.innforing.notification.DeadlineCalendar;
import no.innforing.notification.NotificationProperties;
import no.innforing.project.ImplementationProject;
import no.innforing.project.Milestone;
import no.innforing.project.ProjectQueries;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each municipality's deadlines as an iCalendar feed that calendar apps subscribe to. Every read is computed from
 * the current schedule, so the feed follows every move; events keep their UID, so a moved date updates the same
 * event. Calendar apps cannot log in: the address carries a long random token instead, handed out to those who may
 * see the municipality ({@code GET /api/projects/{number}/calendar}).
 */
@RestController
class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository feeds;
    private final ProjectService projects;
    private final ProjectQueries queries;
    private final MunicipalityAccess access;
    private final NotificationProperties properties;

    CalendarFeedController(CalendarFeedRepository feeds, ProjectService projects, ProjectQueries queries,
            MunicipalityAccess access, NotificationProperties properties) {
        this.feeds = feeds;
        this.projects = projects;
        this.queries = queries;
        this.access = access;
        this.properties = properties;
    }

    /** The feed address for a municipality (created on first request). */
    @GetMapping("/api/projects/{municipalityNumber}/calendar")
    @Transactional
    Map<String, String> address(@PathVariable String municipalityNumber) {
        access.requireSee(municipalityNumber);
        projects.currentProject(municipalityNumber);
        return Map.of("url", properties.baseUrl() + "/calendar/" + tokenFor(municipalityNumber) + ".ics");
    }

    String tokenFor(String municipalityNumber) {
        return feeds.findById(municipalityNumber).orElseGet(() -> {
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return feeds.save(new CalendarFeed(municipalityNumber, token, ProjectSchedule.now()));
        }).getToken();
    }

    @GetMapping("/calendar/{token}.ics")
    @Transactional(readOnly = true)
    ResponseEntity<String> feed(@PathVariable String token) {
        CalendarFeed feed = feeds.findByToken(token)
                .orElseThrow(() -> DomainException.notFound("Ukjent kalenderadresse."));
        ImplementationProject project = projects.currentProject(feed.getMunicipalityNumber());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(calendar(project));
    }

    String calendar(ImplementationProject project) {
        String name = project.getMunicipality().getName();
        String number = project.getMunicipality().getNumber();
        List<DeadlineCalendar.Event> events = new ArrayList<>();
        if (project.getState().isOpen()) {
            String wave = " (" + name + ", bølge " + project.getWave().getCode() + ")";
            for (Milestone.Dated milestone : Milestone.of(project)) {
                events.add(new DeadlineCalendar.Event(number + "-" + milestone.id() + "@innforing",
                        milestone.label() + wave, milestone.date()));
            }
            for (ProjectQueries.OpenTask task : queries.openTasks(project.getProcessInstanceId())) {
                if (task.due() != null) {
                    events.add(new DeadlineCalendar.Event(number + "-task-" + task.taskDefinitionKey() + "@innforing",
                            "Frist: " + task.name() + wave, task.due()));
                }
            }
        }
        return DeadlineCalendar.feed("Innføring – " + name, events);
    }
}
