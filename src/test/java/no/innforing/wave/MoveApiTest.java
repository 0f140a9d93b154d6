package no.innforing.wave;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.innforing.IntegrationTest;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the tests of moving waves and municipalities share: the API as RAG, and a member's tasks and timers. */
abstract class MoveApiTest extends IntegrationTest {

    @Autowired
    protected ProjectService projects;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected TestRestTemplate http;

    /** Runs the pending phase-notice jobs (asynchronous service tasks), as the job executor would at once. */
    protected void runPhaseNotices(ImplementationProject project) {
        managementService.createJobQuery().processInstanceId(project.getProcessInstanceId()).messages().list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    /** The open tasks' due dates by task definition key. */
    protected Map<String, Date> tasks(ImplementationProject project) {
        Map<String, Date> due = new TreeMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId()).list()) {
            due.put(task.getTaskDefinitionKey(), task.getDueDate());
        }
        return due;
    }

    /** Every timer job of the instance (phase timers, reminders, overdue listeners) by activity, in due order. */
    protected Map<String, Date> timers(ImplementationProject project) {
        Map<String, String> activity = new HashMap<>();
        managementService.createJobDefinitionQuery().list().forEach(d -> activity.put(d.getId(), d.getActivityId()));
        Map<String, Date> due = new TreeMap<>();
        List<Job> jobs = managementService.createJobQuery().processInstanceId(project.getProcessInstanceId()).timers()
                .orderByJobDuedate().asc().list();
        for (int i = 0; i < jobs.size(); i++) {
            due.put(activity.get(jobs.get(i).getJobDefinitionId()) + "#" + i, jobs.get(i).getDuedate());
        }
        return due;
    }

    protected ResponseEntity<Map> get(String path) {
        return http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity(path, Map.class);
    }

    protected ResponseEntity<Map> put(String path, String json) {
        return send(HttpMethod.PUT, path, json);
    }

    protected ResponseEntity<Map> post(String path, String json) {
        return send(HttpMethod.POST, path, json);
    }

    private ResponseEntity<Map> send(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", ADMIN_PASSWORD).exchange(path, method, new HttpEntity<>(json, headers),
                Map.class);
    }
}
