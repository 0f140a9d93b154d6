package no.innforing.overview;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.innforing.project.MovePlan;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.project.WaveMove;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import no.innforing.shared.Norwegian;
import no.innforing.version.ProcessVersions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regional overview at {@code /overview}: RAG sees every municipality per wave with a timeline and can move
 * waves and municipalities; a project leader sees their own municipality. CSV export with the same filters.
 */
@Controller
class OverviewController {

    private final OverviewService overview;
    private final WaveMove waves;
    private final ProjectService projects;
    private final CalendarFeedController calendars;
    private final ProcessVersions processVersions;

    OverviewController(OverviewService overview, WaveMove waves, ProjectService projects,
            CalendarFeedController calendars, ProcessVersions processVersions) {
        this.overview = overview;
        this.waves = waves;
        this.projects = projects;
        this.calendars = calendars;
        this.processVersions = processVersions;
    }

    @GetMapping("/overview")
    String overview(@RequestParam(required = false) String wave, @RequestParam(required = false) String county,
            Model model, jakarta.servlet.http.HttpServletRequest request) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        OverviewService.Page page = overview.page(groups, new OverviewService.Filter(wave, county));
        List<OverviewService.Row> rows = page.rows();
        LocalDate today = ProjectSchedule.today();
        boolean regional = MunicipalityAccess.isRegional(groups);
        model.addAttribute("rows", rows);
        // Which version of the method each running project follows (issue 14: versions are moved on /process-versions).
        // RAG's rows carry a move form each, with the CSRF field Thymeleaf would add to it.
        CsrfToken csrf = regional ? (CsrfToken) request.getAttribute(CsrfToken.class.getName()) : null;
        model.addAttribute("cells", new RowCells(processVersions.versionOf(rows.stream()
                .map(OverviewService.Row::processInstanceId).toList(), page.processDefinitions()),
                request.getContextPath(),
                regional ? new MoveOptions(page.waves(), today) : null,
                csrf == null ? "" : RowCells.csrfField(csrf.getParameterName(), csrf.getToken())));
        model.addAttribute("byWave", rows.stream().collect(java.util.stream.Collectors.groupingBy(
                OverviewService.Row::waveCode, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())));
        model.addAttribute("timeline", Timeline.of(rows, today));
        model.addAttribute("today", today);
        model.addAttribute("waves", page.waves());
        model.addAttribute("capacityUse", page.capacityUse());
        model.addAttribute("counties", page.counties());
        model.addAttribute("selectedWave", wave == null ? "" : wave);
        model.addAttribute("selectedCounty", county == null ? "" : county);
        model.addAttribute("regional", regional);
        if (!regional && rows.size() == 1) {
            model.addAttribute("calendarUrl", "/calendar/" + calendars.tokenFor(rows.get(0).municipalityNumber())
                    + ".ics");
        }
        return "overview";
    }

    @GetMapping(value = "/overview.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String wave,
            @RequestParam(required = false) String county) {
        List<OverviewService.Row> rows = overview.rows(MunicipalityAccess.currentGroups(),
                new OverviewService.Filter(wave, county));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').setHeader(
                "kommunenummer", "kommune", "fylke", "bølge", "status", "fase", "neste frist", "dato", "dager igjen",
                "forfalte oppgaver", "trafikklys", "forprosjekt", "frist tjenesteavtale", "hovedprosjekt",
                "produksjonssetting", "slutt stabilisering").get())) {
            for (OverviewService.Row r : rows) {
                ProjectSchedule s = r.schedule();
                csv.printRecord(r.municipalityNumber(), r.municipalityName(), r.county(), r.waveCode(), r.stateName(),
                        r.phaseName(), r.nextDeadline() == null ? "" : r.nextDeadline().label(),
                        r.nextDeadline() == null ? "" : r.nextDeadline().date(),
                        r.daysLeft() == null ? "" : r.daysLeft(), r.overdueTasks(), r.light().label(),
                        s.preProjectStart(), s.serviceAgreementDue(), s.mainProjectStart(), s.goLive(),
                        s.stabilizationEnd());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};   // so that Excel reads æøå
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"innforing-oversikt.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(withBom);
    }

    /** The wave's move as it would happen, with a confirmation form that asks for the reason. */
    @PostMapping("/overview/waves/{code}/preview")
    String previewWaveMove(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate goLiveDate,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            requireRegional("flytte bølger");
            return preview(model, waves.preview(code, goLiveDate, reason), "/overview/waves/" + code);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/overview";
        }
    }

    /** One municipality's move as it would happen, with a confirmation form that asks for the reason. */
    @PostMapping("/overview/projects/{number}/wave/preview")
    String previewProjectMove(@PathVariable String number, @RequestParam(required = false) String waveCode,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false, defaultValue = "false") boolean overrideCapacity, Model model,
            RedirectAttributes redirect) {
        try {
            requireRegional("flytte kommuner mellom bølger");
            if (waveCode == null || waveCode.isBlank()) {
                throw DomainException.invalid("Velg bølgen kommunen skal flyttes til.");
            }
            return preview(model, projects.previewMoveToWave(number, waveCode, reason, overrideCapacity),
                    "/overview/projects/" + number + "/wave");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/overview";
        }
    }

    private static String preview(Model model, MovePlan plan, String confirmAction) {
        model.addAttribute("plan", plan);
        model.addAttribute("confirmAction", confirmAction);
        model.addAttribute("canConfirm", plan.allowed() || plan.blockers().stream()
                .allMatch(b -> plan.capacity() != null && plan.capacity().exceeded() && "Kapasitet".equals(b.milestone())));
        model.addAttribute("regional", true);
        return "move-preview";
    }

    private static void requireRegional(String what) {
        if (!MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups())) {
            throw new org.springframework.security.access.AccessDeniedException("Bare RAG og administratorer kan "
                    + what + ".");
        }
    }

    @PostMapping("/overview/waves/{code}")
    String moveWave(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate goLiveDate,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            if (!MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups())) {
                throw DomainException.conflict("Bare RAG og administratorer kan flytte bølger.");
            }
            var change = waves.moveGoLive(code, goLiveDate, reason).change();
            redirect.addFlashAttribute("message", "Bølge " + code + " er flyttet til "
                    + Norwegian.date(change.getNewGoLive()) + "; "
                    + Norwegian.count(change.getProjectsMoved(), "prosjekt", "prosjekter") + " fulgte med.");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/overview";
    }

    @PostMapping("/overview/projects/{number}/wave")
    String moveProject(@PathVariable String number, @RequestParam String waveCode,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false, defaultValue = "false") boolean overrideCapacity,
            RedirectAttributes redirect) {
        try {
            if (!MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups())) {
                throw DomainException.conflict("Bare RAG og administratorer kan flytte kommuner mellom bølger.");
            }
            var moved = projects.moveToWave(number, waveCode, reason, overrideCapacity);
            redirect.addFlashAttribute("message", moved.members().get(0).municipalityName() + " er flyttet til bølge "
                    + waveCode + ".");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/overview";
    }
}
