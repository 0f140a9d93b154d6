package no.innforing.benefit;

import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.shared.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register is reviewed at each phase start: the review tasks of the implementation process
 * ({@code Gjennomgå risikoregisteret}) call {@code ${riskReview.completed(task)}} when completed, which stamps every
 * risk that is not closed as reviewed by that user today. Changed risks are saved on the benefits page as usual.
 */
@Component("riskReview")
public class RiskReview {

    private final ProjectService projects;
    private final RiskRepository risks;
    private final CurrentUser currentUser;

    RiskReview(ProjectService projects, RiskRepository risks, CurrentUser currentUser) {
        this.projects = projects;
        this.risks = risks;
        this.currentUser = currentUser;
    }

    @Transactional
    public int completed(DelegateTask task) {
        ImplementationProject project = projects.openProjectOf(task.getExecution().getProcessBusinessKey());
        String by = task.getAssignee() != null ? task.getAssignee() : currentUser.id();
        // one update statement instead of a load and a save per risk
        return risks.markReviewed(project.getId(), ProjectSchedule.now(), by);
    }
}
