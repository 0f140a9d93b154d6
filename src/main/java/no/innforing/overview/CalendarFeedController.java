package no.innforing.overview;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import no.innforing.notification.NotificationProperties;
import no.innforing.project.DomainException;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectQueries;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
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
        ICalendar ical = new ICalendar();
        ical.setMethod(Method.publish());
        ical.setProductId("-//Innføring//Fristplan//NB");
        ical.addExperimentalProperty("X-WR-CALNAME", "Innføring – " + name);
        ical.addExperimentalProperty("X-WR-TIMEZONE", ProjectSchedule.ZONE.getId());
        if (project.getState().isOpen()) {
            ProjectSchedule s = project.schedule();
            String wave = " (" + name + ", bølge " + project.getWave().getCode() + ")";
            event(ical, number + "-pre-project", "Oppstart forprosjekt" + wave, s.preProjectStart());
            if (!project.isServiceAgreementSigned()) {
                event(ical, number + "-service-agreement", "Frist for å signere tjenesteavtale" + wave,
                        s.serviceAgreementDue());
            }
            event(ical, number + "-main-project", "Oppstart hovedprosjekt" + wave, s.mainProjectStart());
            event(ical, number + "-go-live", "Produksjonssetting" + wave, s.goLive());
            event(ical, number + "-stabilization-end", "Slutt på stabilisering" + wave, s.stabilizationEnd());
            for (ProjectQueries.OpenTask task : queries.openTasks(project.getProcessInstanceId())) {
                if (task.due() != null) {
                    event(ical, number + "-task-" + task.taskDefinitionKey(), "Frist: " + task.name() + wave,
                            task.due());
                }
            }
        }
        return Biweekly.write(ical).go();
    }

    private static void event(ICalendar ical, String uid, String summary, LocalDate day) {
        VEvent event = new VEvent();
        event.setUid(uid + "@innforing");
        event.setSummary(summary);
        event.setDateStart(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
        event.setDateEnd(Date.from(day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
        ical.addEvent(event);
    }
}
