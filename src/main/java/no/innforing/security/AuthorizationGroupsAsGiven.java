package no.innforing.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks with the user's groups as they are, instead of first reading every group that
 * has an authorization. Camunda's {@link AuthorizationManager} narrows the user's groups to those named in some
 * authorization before it puts them into a check ({@code GROUP_ID_ IN (…)}), and to know them it reads
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} once in every command: here one row per municipality
 * group (about 360 at national scale), four times for each filter Tasklist opens (JFR: a tenth of the CPU time of
 * that request pair, {@code NationalScaleBenchmark}). The narrowing only helps a user with very many groups (a
 * directory with thousands); a user here has one or two. It changes no decision: a group without an authorization
 * matches no authorization row, so {@code GROUP_ID_ IN (…)} finds the same rows with or without it.
 */
@Component
class AuthorizationGroupsAsGiven extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new GroupsAsGiven();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's manager, but a check uses the authenticated groups without reading all authorized groups first. */
    static final class GroupsAsGiven extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return java.util.Collections.emptyList();
            }
            return new ArrayList<>(new java.util.LinkedHashSet<>(authenticatedGroupIds.stream()
                    .filter(java.util.Objects::nonNull).toList()));
        }
    }
}
