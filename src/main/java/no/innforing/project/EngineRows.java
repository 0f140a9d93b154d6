package no.innforing.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The few columns of the engine's open tasks and jobs that tell what every project is doing, for the regional
 * overview, and of its open activity instances, for the phase of many projects at once (a wave move). The same rows,
 * in the same order (by id), as the engine's task and job queries
 * ({@code taskService.createTaskQuery().processDefinitionKey(key)}, {@code managementService.createJobQuery()
 * .processInstanceIds(ids)}), but read with plain SQL: the engine's queries map every row to an entity of some thirty
 * fields, and at 356 municipalities (about 350 open tasks and 700 jobs, four per instance the service-agreement
 * reminders) that mapping was a third of the overview's time.
 *
 * <p>Read-only, from the tables the engine names ({@link ManagementService#getTableName}, so a configured table
 * prefix is honoured), in the caller's transaction. Like the app's other engine queries, which run without an
 * authenticated engine user, they apply no engine authorization: the overview decides who sees which municipality.
 */
@Component
class EngineRows {

    /** Of an open task, what the overview shows and what tells the phase. */
    record TaskRow(String id, String processInstanceId, String processDefinitionId, String taskDefinitionKey,
            String name, Instant due) {
    }

    /** Of a job, what tells the phase: its instance, process definition and job definition. */
    record JobRow(String processInstanceId, String processDefinitionId, String jobDefinitionId) {
    }

    /** An activity instance that has begun and not ended: which activity, in which process instance. */
    record OpenActivity(String processInstanceId, String activityId) {
    }

    /** At most this many instance ids in one statement (as the engine pages its own long id lists). */
    private static final int IDS_PER_STATEMENT = 500;

    private final ManagementService managementService;
    private final NamedParameterJdbcTemplate jdbc;
    /** The statements, with the table names the engine gives (each asked once: the engine runs a command for it). */
    private volatile String tasksSql;
    private volatile String jobsSql;
    private volatile String openActivitiesSql;

    EngineRows(ManagementService managementService, NamedParameterJdbcTemplate jdbc) {
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    /** The open tasks of every instance of the process, by task id. */
    List<TaskRow> openTasks(String processDefinitionKey) {
        if (tasksSql == null) {
            tasksSql = "select T.ID_, T.PROC_INST_ID_, T.PROC_DEF_ID_, T.TASK_DEF_KEY_, T.NAME_, T.DUE_DATE_ from "
                    + managementService.getTableName(Task.class) + " T inner join "
                    + managementService.getTableName(ProcessDefinition.class)
                    + " D on T.PROC_DEF_ID_ = D.ID_ where D.KEY_ = :key order by T.ID_";
        }
        return jdbc.query(tasksSql, Map.of("key", processDefinitionKey), (row, n) -> {
            java.sql.Timestamp due = row.getTimestamp(6);
            return new TaskRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), due == null ? null : due.toInstant());
        });
    }

    /** The jobs (waiting timers, pending asynchronous steps) of the given instances, by job id. */
    List<JobRow> jobs(List<String> processInstanceIds) {
        if (jobsSql == null) {
            jobsSql = "select PROCESS_INSTANCE_ID_, PROCESS_DEF_ID_, JOB_DEF_ID_ from "
                    + managementService.getTableName(Job.class) + " where PROCESS_INSTANCE_ID_ in (:ids) order by ID_";
        }
        List<JobRow> jobs = new ArrayList<>();
        for (int from = 0; from < processInstanceIds.size(); from += IDS_PER_STATEMENT) {
            jobs.addAll(jdbc.query(jobsSql, Map.of("ids", processInstanceIds.subList(from,
                    Math.min(from + IDS_PER_STATEMENT, processInstanceIds.size()))),
                    (row, n) -> new JobRow(row.getString(1), row.getString(2), row.getString(3))));
        }
        return jobs;
    }

    /**
     * The activity instances among {@code activityIds} that are open (begun, not ended) in the given process
     * instances, from the engine's activity instance history, which the engine writes in the same transaction as the
     * runtime state (history level {@code activity} or finer, as configured).
     */
    List<OpenActivity> openActivities(List<String> processInstanceIds, java.util.Collection<String> activityIds) {
        if (openActivitiesSql == null) {
            openActivitiesSql = "select PROC_INST_ID_, ACT_ID_ from "
                    + managementService.getTableName(org.camunda.bpm.engine.history.HistoricActivityInstance.class)
                    + " where PROC_INST_ID_ in (:ids) and ACT_ID_ in (:activities) and END_TIME_ is null order by ID_";
        }
        List<OpenActivity> open = new ArrayList<>();
        for (int from = 0; from < processInstanceIds.size(); from += IDS_PER_STATEMENT) {
            open.addAll(jdbc.query(openActivitiesSql, Map.of("ids", processInstanceIds.subList(from,
                    Math.min(from + IDS_PER_STATEMENT, processInstanceIds.size())), "activities", activityIds),
                    (row, n) -> new OpenActivity(row.getString(1), row.getString(2))));
        }
        return open;
    }
}
