package no.innforing.demo;

import java.util.Collection;
import no.innforing.municipality.Municipality;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo setting's users, all with their user name as password: {@code rag} (RAG member) and one project
 * leader {@code pl-<number>} per demo municipality, in the groups the process uses as candidate groups. Never
 * called outside the demo setting.
 */
@Component
class DemoUsers {

    static final String DEMO_ADMIN = "demo";

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    void create(Collection<Municipality> municipalitiesWithProjects) {
        group(MunicipalityAccess.RAG_GROUP, "Regional arbeidsgruppe (RAG)");
        user("rag", "Regional", "arbeidsgruppe", "rag@demo.example", MunicipalityAccess.RAG_GROUP);
        if (identityService.createUserQuery().userId(DEMO_ADMIN).count() > 0) {
            membership(DEMO_ADMIN, MunicipalityAccess.RAG_GROUP);
        }
        for (Municipality municipality : municipalitiesWithProjects) {
            String group = MunicipalityAccess.projectLeaderGroup(municipality.getNumber());
            group(group, "Prosjektleder " + municipality.getName());
            user("pl-" + municipality.getNumber(), "Prosjektleder", municipality.getName(),
                    municipality.getProjectLeaderEmail(), group);
        }
    }

    private void group(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void user(String id, String firstName, String lastName, String email, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(id);
            identityService.saveUser(user);
        }
        membership(id, group);
    }

    private void membership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}
