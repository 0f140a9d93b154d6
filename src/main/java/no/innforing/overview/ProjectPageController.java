package no.innforing.overview;

import java.util.List;
import no.innforing.project.ImplementationProject;
import no.innforing.project.Milestone;
import no.innforing.project.ProjectHistory;
import no.innforing.project.ProjectQueries;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectSchedule;
import no.innforing.security.MunicipalityAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The project page {@code /projects/{number}}: its schedule (reached milestones as facts), timeline, open tasks with
 * links straight to them in Tasklist, contacts, calendar feed and its whole history, newest first. RAG sees every
 * municipality, a project leader their own (403 page otherwise).
 */
@Controller
class ProjectPageController {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

    private final ProjectService projects;
    private final ProjectQueries queries;
    private final ProjectHistory history;
    private final MunicipalityAccess access;
    private final CalendarFeedController calendars;
    private final OverviewService overview;

    ProjectPageController(ProjectService projects, ProjectQueries queries, ProjectHistory history,
            MunicipalityAccess access, CalendarFeedController calendars, OverviewService overview) {
        this.projects = projects;
        this.queries = queries;
        this.history = history;
        this.access = access;
        this.calendars = calendars;
        this.overview = overview;
    }

    /** A milestone with its date and whether it has been reached (a fact) or lies ahead. */
    record ScheduleLine(String label, java.time.LocalDate date, boolean reached) {
    }

    @GetMapping("/projects/{number:\\d{4}}")
    String project(@PathVariable String number, Model model) {
        access.requireSee(number);
        ImplementationProject project = projects.currentProject(number);
        var today = ProjectSchedule.today();
        model.addAttribute("project", project);
        model.addAttribute("phase", project.getState().isOpen()
                ? queries.currentPhase(project.getProcessInstanceId()) : null);
        model.addAttribute("schedule", Milestone.of(project).stream()
                .map(m -> new ScheduleLine(m.label(), m.date(), !m.date().isAfter(today))).toList());
        model.addAttribute("openTasks", project.getState().isOpen()
                ? queries.openTasks(project.getProcessInstanceId()) : List.of());
        model.addAttribute("tasklistTask", TASKLIST_TASK);
        model.addAttribute("history", history.of(project));
        model.addAttribute("calendarUrl", "/calendar/" + calendars.tokenFor(number) + ".ics");
        List<OverviewService.Row> rows = overview.rows(MunicipalityAccess.currentGroups(),
                new OverviewService.Filter(project.getWave().getCode(), null)).stream()
                .filter(r -> r.municipalityNumber().equals(number)).toList();
        model.addAttribute("timeline", Timeline.of(rows, today));
        model.addAttribute("regional", MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups()));
        return "project/details";
    }
}
