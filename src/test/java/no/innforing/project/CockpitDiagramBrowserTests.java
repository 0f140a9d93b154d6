package no.innforing.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.innforing.BrowserSupport;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectService.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * RAG opens the implementation process in Cockpit on a 1400 × 900 screen and reads it at the zoom Cockpit opens it
 * with (fitted to the diagram pane): the whole diagram fits the width, and the seven phases, the service-agreement
 * deadline, withdrawal, go/no-go (the no-go that ends the go-live phase and RAG's choice of a new wave) and the
 * lanes have labels large enough to read, not overlapping and not covered. The readiness check and the decision
 * table behind go/no-go, and RAG's decision after a missed deadline, sit inside their phases: one click on the phase's
 * drill-down arrow shows them, checked the same way, as are the pre-project's and the main project's parallel tasks.
 * Screenshots: {@code target/screenshots/cockpit-process.png}, {@code cockpit-process-go-live.png},
 * {@code cockpit-process-service-agreement.png}, {@code cockpit-process-pre-project.png},
 * {@code cockpit-process-main-project.png}.
 */
class CockpitDiagramBrowserTests extends IntegrationTest {

    static final String RAG_MEMBER = "rag-diagram";
    static final String PASSWORD = "rag-diagram-passord";

    /** What RAG must read at Cockpit's default zoom: element id → its label, in the order of the top level. */
    static final Map<String, String> TOP_LEVEL = ordered(
            ProjectProcess.SUBPROCESS_POLITICAL_DECISION, "Politisk vedtak og avropsavtale",
            ProjectProcess.SUBPROCESS_EARLY_START, "Tjuvstart",
            ProjectProcess.SUBPROCESS_PRE_PROJECT, "Forprosjekt (7 måneder)",
            ProjectProcess.SUBPROCESS_SERVICE_AGREEMENT, "Tjenesteavtale",
            ProjectProcess.SUBPROCESS_MAIN_PROJECT, "Hovedprosjekt (12 måneder)",
            ProjectProcess.SUBPROCESS_GO_LIVE, "Produksjonssetting",
            ProjectProcess.SUBPROCESS_STABILIZATION, "Feilretting og justering (6 måneder)",
            ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE_IN_PRE_PROJECT, "Frist for tjenesteavtale passert",
            ProjectProcess.ERROR_NO_GO, "No-go",
            ProjectProcess.TASK_DECIDE_AFTER_NO_GO, "Velg ny bølge etter no-go",
            "SubProcess_WithdrawalOnRequest", "Fratreden meldt",
            ProjectProcess.END_WITHDRAWN, "Kommunen har fratrådt",
            ProjectProcess.END_ENDED_BY_RAG, "Avsluttet av RAG",
            "Lane_Municipality", "Kommunen",
            "Lane_Rag", "RAG");

    /** One click on the go-live phase's drill-down arrow: the readiness check, the decision table and no-go. */
    static final Map<String, String> GO_LIVE = ordered(
            ProjectProcess.TASK_ASSESS_GO_LIVE_READINESS, "Vurder klarhet for produksjonssetting",
            "BusinessRuleTask_GoLiveDecision", "Go/no-go-beslutning",
            "Gateway_GoNoGo", "Go?",
            ProjectProcess.SERVICE_TASK_NOTIFY_RAG_NO_GO, "Varsle RAG om nei til produksjonssetting",
            ProjectProcess.END_NO_GO, "No-go",
            "Lane_GoLiveRag", "Regional arbeidsgruppe (RAG)");

    /** One click on the service agreement's drill-down arrow: the deadline and RAG's decision after it. */
    static final Map<String, String> SERVICE_AGREEMENT = ordered(
            ProjectProcess.TASK_SIGN_SERVICE_AGREEMENT, "Signer tjenesteavtale eller fratre",
            ProjectProcess.TIMER_SERVICE_AGREEMENT_DUE, "Frist for tjenesteavtale passert",
            ProjectProcess.TASK_DECIDE_MISSED_DEADLINE, "Avgjør oversittet frist for tjenesteavtale",
            "Lane_ServiceAgreementRag", "Regional arbeidsgruppe (RAG)");

    /** The pre-project's five parallel tasks, one drill-down click away. */
    static final Map<String, String> PRE_PROJECT = ordered(
            ProjectProcess.TASK_MATURITY_ANALYSIS, "Gjennomfør modenhetsanalyse",
            ProjectProcess.TASK_MAP_CURRENT_SYSTEMS, "Kartlegg dagens systemer og pasientforløp",
            ProjectProcess.TASK_BENEFIT_PLAN, "Lag gevinstplan");

    /** The main project's parallel work and its training, one drill-down click away. */
    static final Map<String, String> MAIN_PROJECT = ordered(
            ProjectProcess.TASK_TRAINING_PLAN, "Lag opplæringsplan",
            ProjectProcess.TASK_ADAPT_WORK_PROCESSES, "Tilpass arbeidsprosesser",
            ProjectProcess.TASK_TRAIN_END_USERS, "Gjennomfør sluttbrukeropplæring");

    /**
     * The smallest rendered font size, in screen pixels, that we call legible. The top level opens at a zoom of about
     * 0.78: names in boxes (12 px) show at about 9.4 px, the labels of events and gateways (11 px) at about 8.6 px.
     */
    static final double LEGIBLE_PX = 8.5;

    /**
     * Inside a phase, one drill-down click down, where more has to fit the same pane: the service agreement and the
     * pre-project open at about 0.71 (names in boxes 8.5 px, event labels 7.8 px), the main project at about 0.64
     * (names 7.7 px).
     */
    static final double LEGIBLE_PX_IN_PHASE = 7.5;

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;

    WebDriver browser;

    @BeforeEach
    void projectsUnderWayAndARagMember() {
        BrowserSupport.requireChromium();
        projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(new Registration("1576", "KI3", false, ProjectPhase.PRE_PROJECT, null, null));
        projects.register(new Registration("5001", "PD1", false, ProjectPhase.STABILIZATION, null, null));
        user(RAG_MEMBER, PASSWORD, "rag");
        browser = BrowserSupport.startChromium("nb-NO");
        browser.manage().window().setSize(new Dimension(1400, 900));
    }

    @AfterEach
    void closeBrowser() {
        BrowserSupport.quit(browser);
    }

    @Test
    void ragReadsThePhasesDeadlineWithdrawalAndGoNoGoAtCockpitsDefaultZoom() throws Exception {
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProjectProcess.PROCESS_KEY).latestVersion().singleResult().getId();
        try {
            String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
            browser.get(cockpit);
            BrowserSupport.logInToCamunda(browser, RAG_MEMBER, PASSWORD, By.cssSelector(".dashboard"));
            waitFor("the dashboard's running instances").until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".dashboard"), "Aktive prosessinstanser"));
            // within the logged-in page, as a click on the process would (a new page load may race the session)
            ((JavascriptExecutor) browser).executeScript("window.location.hash = arguments[0];",
                    "#/process-definition/" + definitionId + "/runtime");
            // Cockpit counts the instances in each activity once the diagram is drawn: one per running phase.
            waitFor("the running instances on the phases").until(browser -> browser.findElements(
                    By.cssSelector(".djs-overlays[data-container-id^='SubProcess_'] .badge")).size() >= 3);
            Map<String, Object> top = measureWhenStill(TOP_LEVEL);
            BrowserSupport.screenshot(browser, "cockpit-process");
            assertLegible("the top level", top, TOP_LEVEL);
            Map<String, Object> container = map(top, "container");
            Map<String, Object> diagram = map(top, "diagram");
            assertThat(number(diagram, "left")).as("the diagram's left edge").isGreaterThanOrEqualTo(
                    number(container, "left") - 1);
            assertThat(number(diagram, "right")).as("the diagram's right edge").isLessThanOrEqualTo(
                    number(container, "right") + 1);

            drillInto(ProjectProcess.SUBPROCESS_GO_LIVE);
            Map<String, Object> goLive = measureWhenStill(GO_LIVE);
            BrowserSupport.screenshot(browser, "cockpit-process-go-live");
            assertLegible("the go-live phase", goLive, GO_LIVE, LEGIBLE_PX_IN_PHASE);

            browser.findElement(By.cssSelector(".bjs-breadcrumbs li:first-child a")).click();
            drillInto(ProjectProcess.SUBPROCESS_SERVICE_AGREEMENT);
            Map<String, Object> serviceAgreement = measureWhenStill(SERVICE_AGREEMENT);
            BrowserSupport.screenshot(browser, "cockpit-process-service-agreement");
            assertLegible("the service-agreement phase", serviceAgreement, SERVICE_AGREEMENT, LEGIBLE_PX_IN_PHASE);

            // The phases with many parallel tasks open at about 0.64-0.71, not 0.5.
            browser.findElement(By.cssSelector(".bjs-breadcrumbs li:first-child a")).click();
            drillInto(ProjectProcess.SUBPROCESS_PRE_PROJECT);
            Map<String, Object> preProject = measureWhenStill(PRE_PROJECT);
            BrowserSupport.screenshot(browser, "cockpit-process-pre-project");
            assertLegible("the pre-project", preProject, PRE_PROJECT, LEGIBLE_PX_IN_PHASE);

            browser.findElement(By.cssSelector(".bjs-breadcrumbs li:first-child a")).click();
            drillInto(ProjectProcess.SUBPROCESS_MAIN_PROJECT);
            Map<String, Object> mainProject = measureWhenStill(MAIN_PROJECT);
            BrowserSupport.screenshot(browser, "cockpit-process-main-project");
            assertLegible("the main project", mainProject, MAIN_PROJECT, LEGIBLE_PX_IN_PHASE);
        } catch (Exception | AssertionError e) {
            BrowserSupport.keepFailure(browser, "cockpit-process-failure");
            throw e;
        }
    }

    /** Clicks the drill-down arrow bpmn-js puts on a collapsed subprocess and waits for its plane. */
    private void drillInto(String subProcessId) {
        waitFor("the drill-down arrow of " + subProcessId).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".djs-overlays[data-container-id='" + subProcessId + "'] .bjs-drilldown"))).click();
        waitFor("the plane of " + subProcessId).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".bjs-breadcrumbs"), PROCESS_NAME));
    }

    /**
     * Every label is there with its text, large enough to read on the screen, inside the diagram pane, not
     * overlapping another of them and not covered by another shape (a boundary timer on a task's name, say).
     */
    private static void assertLegible(String where, Map<String, Object> measured, Map<String, String> mustRead) {
        assertLegible(where, measured, mustRead, LEGIBLE_PX);
    }

    @SuppressWarnings("unchecked")
    private static void assertLegible(String where, Map<String, Object> measured, Map<String, String> mustRead,
            double legiblePx) {
        Map<String, Object> container = map(measured, "container");
        Map<String, Map<String, Object>> labels = (Map<String, Map<String, Object>>) measured.get("labels");
        mustRead.forEach((id, name) -> {
            Map<String, Object> label = labels.get(id);
            assertThat(label).as("the label of %s in %s", id, where).isNotNull();
            assertThat(label.get("text")).as("the label of %s in %s", id, where).isEqualTo(name);
            assertThat(number(label, "fontPx")).as("font size of «%s» on the screen in %s (px)", name, where)
                    .isGreaterThanOrEqualTo(legiblePx);
            assertThat(number(label, "left")).as("«%s» inside the pane", name)
                    .isGreaterThanOrEqualTo(number(container, "left") - 1);
            assertThat(number(label, "right")).as("«%s» inside the pane", name)
                    .isLessThanOrEqualTo(number(container, "right") + 1);
            assertThat(number(label, "top")).as("«%s» inside the pane", name)
                    .isGreaterThanOrEqualTo(number(container, "top") - 1);
            assertThat(number(label, "bottom")).as("«%s» inside the pane", name)
                    .isLessThanOrEqualTo(number(container, "bottom") + 1);
            assertThat((List<String>) label.get("coveredBy")).as("shapes over «%s» in %s", name, where).isEmpty();
            assertThat(label.get("underCockpitControls")).as("«%s» under Cockpit's buttons in %s", name, where)
                    .isEqualTo(false);
        });
        List<String> ids = List.copyOf(mustRead.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                assertThat(overlap(labels.get(ids.get(i)), labels.get(ids.get(j))))
                        .as("«%s» and «%s» overlap in %s", mustRead.get(ids.get(i)), mustRead.get(ids.get(j)), where)
                        .isFalse();
            }
        }
    }

    /** Measures once the viewbox has stopped moving (Cockpit fits the diagram after it is drawn). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> measureWhenStill(Map<String, String> mustRead) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String[] last = {""};
        waitFor("the diagram to stop moving").pollingEvery(Duration.ofMillis(300)).until(browser -> {
            String now = String.valueOf(js.executeScript(
                    "const v = document.querySelector('.djs-container > svg g.viewport');"
                            + "return v ? v.getAttribute('transform') + '|' + v.getBoundingClientRect().width : '';"));
            boolean still = !now.isEmpty() && now.equals(last[0]);
            last[0] = now;
            return still;
        });
        Map<String, Object> measured = (Map<String, Object>) js.executeScript(MEASURE,
                List.copyOf(mustRead.keySet()));
        System.out.println("Cockpit diagram: " + measured);
        return measured;
    }

    /**
     * Measures bpmn-js' canvas as the page draws it: the diagram pane, the drawn diagram's box, the zoom (the
     * viewport's scale) and, per element id, its label's text, screen box, font size on the screen and the shapes
     * drawn over it (shapes other than its own element, the lanes and the subprocess around it).
     */
    static final String MEASURE = """
            const ids = arguments[0];
            const container = document.querySelector('.djs-container');
            const svg = container.querySelector(':scope > svg');
            const viewport = svg.querySelector('g.viewport');
            const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
            const visible = g => g.getBoundingClientRect().width > 0;
            const scale = viewport.getCTM().a;
            const shapes = Array.from(svg.querySelectorAll('g.djs-shape')).filter(visible)
                .filter(g => !g.classList.contains('djs-label'))
                .map(g => ({id: g.getAttribute('data-element-id'), r: g.querySelector('.djs-visual').getBoundingClientRect()}));
            const inside = (a, b) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
            const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
            const labels = {};
            for (const id of ids) {
              const external = svg.querySelector('g.djs-element[data-element-id="' + id + '_label"]');
              const shape = svg.querySelector('g.djs-element[data-element-id="' + id + '"]');
              const holder = (external && visible(external)) ? external : shape;
              const text = holder && visible(holder) && holder.querySelector('text');
              if (!text) { continue; }
              const r = text.getBoundingClientRect();
              labels[id] = Object.assign(box(r), {
                text: Array.from(text.querySelectorAll('tspan')).map(t => t.textContent.trim()).join(' ').trim(),
                fontPx: parseFloat(getComputedStyle(text).fontSize) * scale,
                coveredBy: shapes.filter(s => s.id !== id && !inside(r, s.r) && meets(r, s.r)).map(s => s.id),
                underCockpitControls: !container.contains(document.elementFromPoint((r.left + r.right) / 2,
                    (r.top + r.bottom) / 2))});
            }
            const drawn = viewport.getBBox();
            return {container: box(svg.getBoundingClientRect()), diagram: box(viewport.getBoundingClientRect()),
                    scale: scale, labels: labels,
                    drawn: {x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height}};
            """;

    static final String PROCESS_NAME = "Kommunalt innføringsprosjekt";

    private static Map<String, String> ordered(String... idsAndNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            map.put(idsAndNames[i], idsAndNames[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> values, String key) {
        return (Map<String, Object>) values.get(key);
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        return number(a, "left") < number(b, "right") && number(b, "left") < number(a, "right")
                && number(a, "top") < number(b, "bottom") && number(b, "top") < number(a, "bottom");
    }

    private WebDriverWait waitFor(String what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.withMessage(what);
        return wait;
    }
}
