package no.innforing.project;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * The beans the BPMN calls ({@code ${schedule.taskDue(execution)}}, {@code ${projectLeaders.groupOf(execution)}},
 * {@code ${recordWithdrawal}} …) are found first, before any process variable of the same name. Camunda's Spring
 * integration asks the process variables first: {@code hasVariable("schedule")} on the execution, which reads the
 * variables of the execution and of every scope above it from the database (one query per scope the command has not
 * read yet) only to find no variable of that name; for every due date, candidate group and timer date
 * (PlatformOverheadBenchmark, JFR: a sixth of the platform's CPU samples per timer, and one query). A process variable
 * can no longer stand in for a bean either: a variable named {@code projectLeaders} or {@code schedule}, which anyone
 * who may set variables on the instance could create, would otherwise replace the bean in every expression.
 *
 * <p>Which beans: the services the BPMN calls methods on ({@link #EXPRESSION_BEANS}; {@code ProcessModelTests} checks
 * that every bean the BPMN files call is listed) and every bean that is a delegate or listener
 * ({@code camunda:delegateExpression}). Any other identifier is looked up as before, a variable first: the process's
 * variables may share a name with some other bean ({@code plannedReminders} is both). The engine's own names
 * ({@code execution}, {@code task} …) are never beans, and only what is evaluated against an execution or task
 * changes (decision tables are evaluated without one).
 */
@Component
class BeansBeforeVariables extends AbstractProcessEnginePlugin implements ApplicationContextAware {

    /** The names {@link VariableScopeElResolver} answers itself, whatever beans or variables exist. */
    static final Set<String> ENGINE_NAMES = Set.of(VariableScopeElResolver.EXECUTION_KEY,
            VariableScopeElResolver.CASE_EXECUTION_KEY, VariableScopeElResolver.TASK_KEY,
            VariableScopeElResolver.EXTERNAL_TASK_KEY, VariableScopeElResolver.LOGGED_IN_USER_KEY);

    /** The services the BPMN files call methods on: {@code ${schedule.…(execution)}} and so on. */
    static final Set<String> EXPRESSION_BEANS = Set.of("schedule", "projectLeaders", "notifications", "reminders",
            "benefitFollowUp", "riskReview", "overdueNotices", "scheduleChangeNotices");

    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, TaskListener.class,
            ExecutionListener.class);

    private ApplicationContext applicationContext;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getExpressionManager() != null
                && configuration.getExpressionManager().getClass() != SpringExpressionManager.class) {
            throw new IllegalStateException("Another expression manager is configured: "
                    + configuration.getExpressionManager() + "; beans cannot be resolved before variables");
        }
        ApplicationContext context = applicationContext;
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new BeanFirst(context));
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
    }

    /** Resolves an identifier that names a bean, when the expression is evaluated against a variable scope. */
    static final class BeanFirst extends ELResolver {

        private final ApplicationContext beans;
        private final ApplicationContextElResolver resolver;
        /** Per identifier, whether it is one of those beans (the context's beans do not change once it runs). */
        private final Map<String, Boolean> first = new ConcurrentHashMap<>();

        BeanFirst(ApplicationContext beans) {
            this.beans = beans;
            this.resolver = new ApplicationContextElResolver(beans);
        }

        private boolean applies(ELContext context, Object base, Object property) {
            return base == null && property instanceof String name && context.getContext(VariableScope.class) != null
                    && first.computeIfAbsent(name, this::resolvedFirst);
        }

        private boolean resolvedFirst(String name) {
            return !ENGINE_NAMES.contains(name) && beans.containsBean(name) && (EXPRESSION_BEANS.contains(name)
                    || DELEGATE_TYPES.stream().anyMatch(type -> beans.isTypeMatch(name, type)));
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return applies(context, base, property) ? resolver.getValue(context, base, property) : null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return false;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }
}
